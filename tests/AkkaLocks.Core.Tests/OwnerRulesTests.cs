namespace AkkaLocks.Core.Tests;

public class OwnerRulesTests
{
    public static TheoryData<string> ValidOwners => new()
    {
        "a",
        "worker-1",
        "client id with spaces",
        "user@host/path",        // looser than identifiers: any printable character
        "Jürgen-Ωmega-日本",
        new string('o', OwnerRules.MaxLength),
    };

    public static TheoryData<string?> InvalidOwners => new()
    {
        null,
        "",
        new string('o', OwnerRules.MaxLength + 1),
        "\u0000",
        "tab\there",
        "line\nbreak",
        "carriage\rreturn",
        "del\u007F",
        "nel\u0085",
    };

    [Theory]
    [MemberData(nameof(ValidOwners))]
    public void Owner_of_1_to_256_characters_without_control_characters_is_valid(string owner)
    {
        Assert.Null(OwnerRules.Check(owner));
    }

    [Theory]
    [MemberData(nameof(InvalidOwners))]
    public void Empty_overlong_or_control_character_owner_is_invalid(string? owner)
    {
        var error = OwnerRules.Check(owner);

        Assert.NotNull(error);
        Assert.Contains("owner", error);
    }

    [Fact]
    public void Owner_of_exactly_256_characters_is_valid_and_257_is_not()
    {
        Assert.Null(OwnerRules.Check(new string('o', 256)));
        Assert.Contains("longer than 256", OwnerRules.Check(new string('o', 257)));
    }

    [Fact]
    public void Control_character_owner_error_says_so()
    {
        Assert.Contains("control characters", OwnerRules.Check("a\nb"));
    }
}
