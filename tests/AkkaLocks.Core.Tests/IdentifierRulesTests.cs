namespace AkkaLocks.Core.Tests;

public class IdentifierRulesTests
{
    public static TheoryData<string> ValidIdentifiers => new()
    {
        "a",
        "Z",
        "0",
        "_",
        ":",
        ".",
        "-",
        "abcdefghijklmnopqrstuvwxyz",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "0123456789",
        "orders:export.v2_final-1",
        new string('x', IdentifierRules.MaxLength),
    };

    public static TheoryData<string?> InvalidIdentifiers => new()
    {
        null,
        "",
        new string('x', IdentifierRules.MaxLength + 1),
        " ",
        "a b",
        "trailing ",
        "a/b",
        "a\\b",
        "a*b",
        "a@b",
        "é",            // Latin letter outside a-z
        "Ärger",
        "\u0430",       // Cyrillic 'а', looks like 'a'
        "\uFF11",       // fullwidth digit one: char.IsDigit, but not 0-9
        "日本",
        "\u0000",
        "a\tb",
        "a\nb",
        "a\rb",
        "a\u007Fb",     // DEL
        "a\u0085b",     // NEL (C1 control)
    };

    [Theory]
    [MemberData(nameof(ValidIdentifiers))]
    public void Identifiers_of_1_to_256_allowed_characters_are_valid(string value)
    {
        Assert.True(IdentifierRules.IsValid(value));
        Assert.Null(IdentifierRules.Check(value, "context"));
    }

    [Theory]
    [MemberData(nameof(InvalidIdentifiers))]
    public void Empty_overlong_or_foreign_character_identifiers_are_invalid(string? value)
    {
        Assert.False(IdentifierRules.IsValid(value));
        Assert.NotNull(IdentifierRules.Check(value, "context"));
    }

    [Theory]
    [MemberData(nameof(InvalidIdentifiers))]
    public void The_error_names_the_part_that_is_wrong(string? value)
    {
        var error = IdentifierRules.Check(value, "lock name");

        Assert.NotNull(error);
        Assert.Contains("lock name", error);
    }

    [Fact]
    public void Identifier_of_exactly_256_characters_is_valid_and_257_is_not()
    {
        Assert.True(IdentifierRules.IsValid(new string('a', 256)));
        Assert.False(IdentifierRules.IsValid(new string('a', 257)));
    }

    [Theory]
    [InlineData(null, "missing or empty")]
    [InlineData("", "missing or empty")]
    [InlineData("a b", "may only contain")]
    public void The_error_says_why_the_identifier_is_invalid(string? value, string because)
    {
        Assert.Contains(because, IdentifierRules.Check(value, "context"));
    }

    [Fact]
    public void An_overlong_identifier_is_reported_as_too_long()
    {
        Assert.Contains("longer than 256", IdentifierRules.Check(new string('a', 257), "context"));
    }
}
