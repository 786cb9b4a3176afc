namespace AkkaLocks.Server.Tests;

/// <summary><see cref="AkkaLocksServerFactory"/> (loopback defaults: every surface open) behind real Kestrel.</summary>
public sealed class AkkaLocksKestrelServer : KestrelServer<AkkaLocksServerFactory>;
