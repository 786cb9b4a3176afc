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

    /// <summary>The key whose <see cref="EntityId"/> is <paramref name="entityId"/>; both parts must obey <see cref="IdentifierRules"/>.</summary>
    /// <exception cref="ArgumentException">The id is not "context/name" with two valid parts.</exception>
    public static LockKey FromEntityId(string entityId)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var split = entityId.IndexOf(Separator);
        if (split < 0)
            throw new ArgumentException($"'{entityId}' is not a lock entity id (context/name): it has no '/'.", nameof(entityId));
        // Each part must be a valid identifier: this also rejects a second '/', which no identifier contains.
        if (!TryCreate(entityId[..split], entityId[(split + 1)..], out var key, out var error))
            throw new ArgumentException($"'{entityId}' is not a lock entity id (context/name): {error}", nameof(entityId));
        return key;
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
