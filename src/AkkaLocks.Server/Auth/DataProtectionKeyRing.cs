using AkkaLocks.Server.Hosting;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AkkaLocks.Server.Auth;

/// <summary>
/// Where the Data Protection keys that protect bearer tokens are kept. Every node of a cluster must read the same
/// keys, or a token issued by one node is refused by the others:
/// <list type="number">
/// <item><c>AkkaLocks:Auth:KeysDirectory</c> when set: a folder (e.g. a shared volume), whatever the journal;</item>
/// <item>the journal's PostgreSQL database when the provider is <c>postgresql</c>: shared by the cluster already;</item>
/// <item>otherwise <c>&lt;DataDirectory&gt;/keys</c>: a single node, whose tokens survive its restart.</item>
/// </list>
/// </summary>
internal static class DataProtectionKeyRing
{
    public static IXmlRepository Repository(AkkaLocksServerOptions server, AuthOptions auth, ILoggerFactory loggers)
    {
        if (!string.IsNullOrWhiteSpace(auth.KeysDirectory)) return InFolder(Path.GetFullPath(auth.KeysDirectory), loggers);
        if (PersistenceSetup.IsPostgreSql(server.Persistence))
            return new PostgresXmlRepository(PersistenceSetup.ConnectionString(server));
        return InFolder(Path.Combine(Path.GetFullPath(server.DataDirectory), "keys"), loggers);
    }

    private static FileSystemXmlRepository InFolder(string folder, ILoggerFactory loggers) => new(new DirectoryInfo(folder), loggers);
}
