namespace AkkaLocks.Core.Tests;

public class SecretComparerTests
{
    [Theory]
    [InlineData("h")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("ünïcødé-€")]
    public void Equal_secrets_compare_equal(string secret)
    {
        // A copy, so the comparison cannot succeed by reference.
        Assert.True(SecretComparer.AreEqual(new string(secret.AsSpan()), secret));
    }

    [Theory]
    [InlineData("abc", "abd")]   // same length, last char differs
    [InlineData("xbc", "abc")]   // same length, first char differs
    [InlineData("abc", "ABC")]   // case matters
    [InlineData("abc", "abcd")]  // prefix
    [InlineData("abcd", "abc")]  // longer
    [InlineData("", "abc")]
    [InlineData("é", "e")]
    public void Different_secrets_compare_unequal(string presented, string expected)
    {
        Assert.False(SecretComparer.AreEqual(presented, expected));
    }

    [Fact]
    public void A_missing_secret_never_matches()
    {
        Assert.False(SecretComparer.AreEqual(null, "abc"));
        Assert.False(SecretComparer.AreEqual(null, ""));
    }
}
