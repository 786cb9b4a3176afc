using AkkaLocks.Core;

namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>The event queue of a DMS lock, as GetExclusiveLockQueueName names it and /eventstreamsrpc reads it: stable, one per identifier.</summary>
public static class DmsQueueNames
{
    public const string Prefix = "synchutils.lock.";

    public static string For(string identifier) => Prefix + identifier;

    public static bool TryParse(string queueName, out string identifier)
    {
        identifier = queueName.StartsWith(Prefix, StringComparison.Ordinal) ? queueName[Prefix.Length..] : "";
        return IdentifierRules.IsValid(identifier);
    }
}
