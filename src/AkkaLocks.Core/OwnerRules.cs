namespace AkkaLocks.Core;

/// <summary>
/// What an owner (the client id that holds a lock) may be. Looser than <see cref="IdentifierRules"/>
/// because existing esoco clients choose their own ids: 1 to 256 characters, no control characters.
/// </summary>
public static class OwnerRules
{
    public const int MaxLength = 256;

    /// <summary>Null when <paramref name="owner"/> is valid, else a sentence saying why not.</summary>
    public static string? Check(string? owner)
    {
        if (string.IsNullOrEmpty(owner)) return "The owner (client id) is missing or empty.";
        if (owner.Length > MaxLength) return $"The owner (client id) is longer than {MaxLength} characters.";
        return owner.Any(char.IsControl) ? "The owner (client id) may not contain control characters." : null;
    }
}
