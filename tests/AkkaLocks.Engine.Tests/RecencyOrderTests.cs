using AkkaLocks.Engine.Events;

namespace AkkaLocks.Engine.Tests;

public sealed class RecencyOrderTests
{
    [Fact]
    public void Oldest_is_the_key_touched_least_recently()
    {
        var order = new RecencyOrder<string>();
        order.Touch("a");
        order.Touch("b");
        order.Touch("a");

        Assert.True(order.TryRemoveOldest(out var oldest));
        Assert.Equal("b", oldest);
        Assert.Equal(1, order.Count);
    }

    [Fact]
    public void A_removed_key_is_never_handed_out_as_oldest()
    {
        var order = new RecencyOrder<string>();
        order.Touch("a");
        order.Touch("b");
        order.Remove("a");

        Assert.True(order.TryRemoveOldest(out var oldest));
        Assert.Equal("b", oldest);
        Assert.False(order.TryRemoveOldest(out _));
    }
}
