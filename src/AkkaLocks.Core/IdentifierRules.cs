namespace AkkaLocks.Core;

/// <summary>
/// What a context or lock name may be: 1 to 256 characters of a-z A-Z 0-9 _ : . -
/// (DMSContainer's rule, kept for every surface so that a lock taken through one is reachable from all).
/// </summary>
public static class IdentifierRules
{
    public const int MaxLength = 256;
    public const string AllowedCharacters = "a-z A-Z 0-9 _ : . -";

    public static bool IsValid(string? value) => Check(value, "identifier") is null;

    /// <summary>Null when <paramref name="value"/> is valid, else a sentence saying why not.</summary>
    public static string? Check(string? value, string what)
    {
        if (string.IsNullOrEmpty(value)) return $"The {what} is missing or empty.";
        if (value.Length > MaxLength) return $"The {what} is longer than {MaxLength} characters.";
        foreach (var c in value)
        {
            if (!IsAllowed(c)) return $"The {what} may only contain {AllowedCharacters}.";
        }
        return null;
    }

    private static bool IsAllowed(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or ':' or '.' or '-';
}
