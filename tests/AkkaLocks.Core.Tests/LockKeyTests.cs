namespace AkkaLocks.Core.Tests;

public class LockKeyTests
{
    [Fact]
    public void EntityId_is_context_slash_name()
    {
        Assert.Equal("tenant-1/orders:export", new LockKey("tenant-1", "orders:export").EntityId);
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("tenant-1", "orders:export")]
    [InlineData("env.prod", "job_42.lock-v2")]
    [InlineData("::", "..")]
    [InlineData("-", "_")]
    public void EntityId_round_trips_through_FromEntityId(string context, string name)
    {
        var key = new LockKey(context, name);

        var parsed = LockKey.FromEntityId(key.EntityId);

        Assert.Equal(key, parsed);
        Assert.Equal(context, parsed.Context);
        Assert.Equal(name, parsed.Name);
    }

    [Fact]
    public void EntityId_of_longest_parts_round_trips()
    {
        var key = new LockKey(new string('c', 256), new string('n', 256));

        Assert.Equal(key, LockKey.FromEntityId(key.EntityId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-separator")]
    [InlineData("/")]
    [InlineData("/name")]
    [InlineData("context/")]
    [InlineData("a/b/c")]          // a name may not contain '/'
    [InlineData("a//b")]
    [InlineData("con text/name")]  // parts must obey IdentifierRules
    [InlineData("context/na\tme")]
    [InlineData("é/name")]
    public void FromEntityId_rejects_malformed_ids(string entityId)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => LockKey.FromEntityId(entityId));
        Assert.Contains("entity id", error.Message);
    }

    [Fact]
    public void FromEntityId_rejects_an_id_whose_part_is_too_long()
    {
        Assert.ThrowsAny<ArgumentException>(() => LockKey.FromEntityId("ctx/" + new string('n', 257)));
    }

    [Fact]
    public void TryCreate_accepts_valid_parts()
    {
        Assert.True(LockKey.TryCreate("tenant-1", "orders:export", out var key, out var error));

        Assert.Null(error);
        Assert.Equal(new LockKey("tenant-1", "orders:export"), key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("ü")]
    public void TryCreate_rejects_a_bad_context_naming_the_context(string? context)
    {
        Assert.False(LockKey.TryCreate(context, "name", out var key, out var error));

        Assert.Equal(default, key);
        Assert.NotNull(error);
        Assert.Contains("context", error);
        Assert.DoesNotContain("lock name", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("ü")]
    public void TryCreate_rejects_a_bad_name_naming_the_lock_name(string? name)
    {
        Assert.False(LockKey.TryCreate("context", name, out var key, out var error));

        Assert.Equal(default, key);
        Assert.NotNull(error);
        Assert.Contains("lock name", error);
        Assert.DoesNotContain("context", error);
    }

    [Fact]
    public void TryCreate_rejects_a_257_character_part()
    {
        Assert.False(LockKey.TryCreate(new string('c', 257), "name", out _, out var contextError));
        Assert.False(LockKey.TryCreate("context", new string('n', 257), out _, out var nameError));

        Assert.Contains("context", contextError);
        Assert.Contains("lock name", nameError);
    }

    [Fact]
    public void TryCreate_reports_the_context_first_when_both_parts_are_bad()
    {
        Assert.False(LockKey.TryCreate("", "", out _, out var error));

        Assert.Contains("context", error);
    }

    [Fact]
    public void Keys_with_the_same_parts_are_equal_and_hash_alike()
    {
        var a = new LockKey("ctx", "name");
        var b = new LockKey("ctx", "name");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new LockKey("ctx", "Name"));
    }
}
