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
}

/// <summary>Where this node listens for other nodes, and whom it joins.</summary>
public sealed class ClusterSettings
{
    /// <summary>The address other nodes reach this node at.</summary>
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>Remoting port; 0 picks a free one, so several single-node servers can share a machine.</summary>
    public int Port { get; set; }

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
}
