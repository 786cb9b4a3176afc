namespace AkkaLocks.Server.Hosting;

/// <summary>
/// The web host's <c>AkkaLocks</c> configuration section (appsettings.json, or environment variables such
/// as <c>AkkaLocks__DataDirectory</c>). Every key is documented in the README.
/// </summary>
public sealed class AkkaLocksServerOptions
{
    public const string Section = "AkkaLocks";

    /// <summary>Folder of the SQLite journal and snapshots; created when missing. Relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Name of the actor system; every node of one cluster must use the same.</summary>
    public string ActorSystemName { get; set; } = "akkalocks";

    public ClusterSettings Cluster { get; set; } = new();

    public PersistenceSettings Persistence { get; set; } = new();

    public EngineSettings Engine { get; set; } = new();

    public LimitSettings Limits { get; set; } = new();
}

/// <summary>Where this node listens for other nodes, and whom it joins.</summary>
public sealed class ClusterSettings
{
    /// <summary>The address other nodes reach this node at.</summary>
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>Remoting port; 0 picks a free one, so several single-node servers can share a machine.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The hostname other nodes reach this node at when it differs from <see cref="Hostname"/>, the one it binds to
    /// (NAT, Docker port mapping, a proxy in front of the port); advertised in its Akka address. Null: <see cref="Hostname"/>.
    /// </summary>
    public string? PublicHostname { get; set; }

    /// <summary>
    /// The port other nodes reach this node at when it differs from <see cref="Port"/>, the one it listens on (a mapped
    /// or proxied port); advertised in its Akka address. Null: <see cref="Port"/>.
    /// </summary>
    public int? PublicPort { get; set; }

    /// <summary>Akka addresses of seed nodes (akka.tcp://akkalocks@host:port). Empty: form a cluster of one.</summary>
    public List<string> SeedNodes { get; set; } = [];

    /// <summary>
    /// The Split Brain Resolver's stable-after (how long membership must be stable before an unreachable node is
    /// downed); null keeps hocon/akkalocks.conf's 20 s. Shorter removes a dead node sooner, at the risk of downing a
    /// node that was only slow; the tests use 5 s.
    /// </summary>
    public TimeSpan? StableAfter { get; set; }

    /// <summary>Cluster roles of this node.</summary>
    public List<string> Roles { get; set; } = [];
}

/// <summary>Which database keeps the journal and snapshots.</summary>
public sealed class PersistenceSettings
{
    /// <summary><c>sqlite</c> (default) or <c>postgresql</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>ADO.NET connection string; empty with sqlite means <c>Data Source=&lt;DataDirectory&gt;/akkalocks.db</c>.</summary>
    public string ConnectionString { get; set; } = "";
}

/// <summary>Engine tuning.</summary>
public sealed class EngineSettings
{
    /// <summary>How long an HTTP request waits for a lock's durable answer.</summary>
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Number of shards; fixed for the life of a cluster.</summary>
    public int MaxShards { get; set; } = 100;

    /// <summary>Events kept per lock for clients that follow a lock (DMS lock queues).</summary>
    public int EventsPerLock { get; set; } = 100;

    /// <summary>How long the events of a lock that stopped changing are kept.</summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Locks whose events are kept at most; the least recently changed is forgotten first.</summary>
    public int EventLogMaxLocks { get; set; } = 10_000;
}

/// <summary>Guards against runaway or abusive clients; each refusal names the limit (docs: README, Limits).</summary>
public sealed class LimitSettings
{
    /// <summary>The largest request body Kestrel accepts; v1 refuses a larger declared body with 413. esoco and JSON-RPC keep their own, smaller limits.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How many <c>/v1/events</c> streams this server serves at once; one more is refused with 503.</summary>
    public int MaxEventStreams { get; set; } = 1000;

    /// <summary>How many locks one owner id may hold at once; 0 turns the limit off.</summary>
    public int MaxLocksPerOwner { get; set; } = 10_000;

    /// <summary>Requests per second per client (authenticated user, else remote address); 0 (default) turns rate limiting off.</summary>
    public int RequestsPerSecond { get; set; }

    /// <summary>How many requests a client may send at once above its rate; 0 means as many as <see cref="RequestsPerSecond"/>.</summary>
    public int RequestBurst { get; set; }
}
