using AkkaLocks.Core;
using AkkaLocks.Engine.Index;

namespace AkkaLocks.Engine.Tests;

/// <summary>
/// The merge rules of the index's table: entries of one lock from several nodes, in any order, end up as the
/// lock's newest state, and an ended grant is not revived by a late copy of it.
/// </summary>
public sealed class HeldLocksTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
    private static readonly LockKey Key = new("c", "n");

    [Fact]
    public void Late_copy_of_a_grant_does_not_revive_it_after_its_release()
    {
        var table = new HeldLocksTable();
        table.Merge(Key, Ended(5, T0.AddSeconds(2)));

        table.Merge(Key, Held(5, T0));

        Assert.Empty(table.Held(null, T0.AddSeconds(3)));
    }

    [Fact]
    public void Newer_grant_wins_over_an_older_one_whatever_the_arrival_order()
    {
        var inOrder = new HeldLocksTable();
        var reversed = new HeldLocksTable();
        HeldLockEntry[] entries = [Held(1, T0), Ended(1, T0.AddSeconds(1)), Held(2, T0.AddSeconds(2)), Extended(2, T0.AddSeconds(3))];

        foreach (var e in entries) inOrder.Merge(Key, e);
        foreach (var e in entries.Reverse()) reversed.Merge(Key, e);

        Assert.Equal(inOrder.Find(Key), reversed.Find(Key));
        Assert.Equal(T0.AddSeconds(63), inOrder.Find(Key)!.Holder!.ExpiresAt);
    }

    [Fact]
    public void Recovered_holder_does_not_undo_a_known_extension_of_the_same_grant()
    {
        var table = new HeldLocksTable();
        table.Merge(Key, Extended(3, T0.AddSeconds(5)));

        table.Merge(Key, HeldLockEntry.Observed(Holder(3, T0)));

        Assert.Equal(T0.AddSeconds(65), table.Find(Key)!.Holder!.ExpiresAt);
    }

    [Fact]
    public void Transition_of_this_node_replaces_an_entry_of_the_same_instant()
    {
        var table = new HeldLocksTable();
        table.Merge(Key, Held(3, T0), supersedesEqual: true);

        var replaced = table.Merge(Key, Extended(3, T0), supersedesEqual: true);

        Assert.True(replaced);
        Assert.Equal(T0.AddSeconds(60), table.Find(Key)!.Holder!.ExpiresAt);
    }

    [Fact]
    public void Tombstones_are_forgotten_after_the_horizon_and_held_locks_are_kept()
    {
        var table = new HeldLocksTable();
        var other = new LockKey("c", "held");
        table.Merge(Key, Ended(1, T0));
        table.Merge(other, Held(1, T0));

        var forgotten = table.ForgetEndedBefore(T0.AddSeconds(1));

        Assert.Equal([Key], forgotten);
        Assert.Null(table.Find(Key));
        Assert.NotNull(table.Find(other));
    }

    [Fact]
    public void Held_lists_only_live_holders_by_context_then_name()
    {
        var table = new HeldLocksTable();
        table.Merge(new("b", "2"), Held(1, T0));
        table.Merge(new("a", "1"), Held(1, T0));
        table.Merge(new("b", "1"), Held(1, T0) with { Holder = Holder(1, T0) with { ExpiresAt = T0.AddSeconds(1) } });
        table.Merge(new("b", "0"), Ended(1, T0));

        Assert.Equal(["a:1", "b:2"], table.Held(null, T0.AddSeconds(1)).Select(l => l.Key.ToString()));
        Assert.Equal(["b:1", "b:2"], table.Held("b", T0).Select(l => l.Key.ToString()));
    }

    private static LockHolder Holder(long token, DateTimeOffset at) => new("o", "h", token, at, null, null, null, null);

    private static HeldLockEntry Held(long token, DateTimeOffset at) => new(Holder(token, at), token, at);

    private static HeldLockEntry Extended(long token, DateTimeOffset at) =>
        new(Holder(token, T0) with { Ttl = TimeSpan.FromSeconds(60), ExpiresAt = at.AddSeconds(60) }, token, at);

    private static HeldLockEntry Ended(long token, DateTimeOffset at) => new(null, token, at);
}
