namespace AkkaLocks.Core;

/// <summary>
/// Names one lock: a context (an environment, a tenant, a module) and a name inside it.
/// Both parts obey <see cref="IdentifierRules"/>, whose charset has no '/', so <see cref="EntityId"/>
/// is unambiguous and round-trips through <see cref="FromEntityId"/>.
/// </summary>
public readonly record struct LockKey(string Context, string Name)
{
    private const char Separator = '/';

    /// <summary>The identity of the lock's actor and the stem of its persistence id.</summary>
    public string EntityId => Context + Separator + Name;

    public static LockKey FromEntityId(string entityId)
    {
        var split = entityId.IndexOf(Separator);
        if (split <= 0 || split == entityId.Length - 1)
            throw new ArgumentException($"'{entityId}' is not a lock entity id (context/name).", nameof(entityId));
        return new LockKey(entityId[..split], entityId[(split + 1)..]);
    }

    /// <summary>Validates both parts; the error names the part that is wrong.</summary>
    public static bool TryCreate(string? context, string? name, out LockKey key, out string? error)
    {
        key = default;
        error = IdentifierRules.Check(context, "context") ?? IdentifierRules.Check(name, "lock name");
        if (error is not null) return false;
        key = new LockKey(context!, name!);
        return true;
    }

    public override string ToString() => Context + ":" + Name;
}
