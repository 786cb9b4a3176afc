using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Persistence.Hosting;
using Akka.Remote.Hosting;
using AkkaLocks.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AkkaLocks.Engine.Tests;

/// <summary>
/// <see cref="ILockEngine"/> as an embedding application uses it: a one-node cluster, the lock shard region
/// and the index, through Akka.Hosting, on an in-memory journal and real time.
/// </summary>
public sealed class ShardedLockEngineSpecs(ITestOutputHelper output) : Akka.Hosting.TestKit.TestKit(nameof(ShardedLockEngineSpecs), output)
{
    private ILockEngine Engine => Host.Services.GetRequiredService<ILockEngine>();

    protected override void ConfigureHostBuilder(IHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddAkkaLocksEngine(new AkkaLocksEngineOptions()));

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) =>
        builder
            .WithRemoting("127.0.0.1", 0)
            .WithClustering()
            .WithInMemoryJournal()
            .WithInMemorySnapshotStore()
            .WithAkkaLocks()
            .AddStartup((system, _) => Cluster.Get(system).Join(Cluster.Get(system).SelfAddress));

    [Fact]
    public async Task Second_owner_is_refused_until_the_first_releases()
    {
        var key = new LockKey("orders", "42");
        var first = Assert.IsType<Granted>(await Engine.AcquireAsync(key, new AcquireRequest("a")));
        var refused = Assert.IsType<Busy>(await Engine.AcquireAsync(key, new AcquireRequest("b")));
        Assert.IsType<Released>(await Engine.ReleaseAsync(key, ReleaseLock.ByHandle(first.Holder.Handle)));
        var second = Assert.IsType<Granted>(await Engine.AcquireAsync(key, new AcquireRequest("b")));

        Assert.Equal("a", refused.Holder.Owner);
        Assert.True(second.Holder.FencingToken > first.Holder.FencingToken);
        Assert.Equal(32, first.Holder.Handle.Length);
        Assert.NotEqual(first.Holder.Handle, second.Holder.Handle);
    }

    [Fact]
    public async Task Cancelled_waiting_acquire_leaves_the_queue_and_never_holds_the_lock()
    {
        var key = new LockKey("orders", "cancelled-waiter");
        var first = Assert.IsType<Granted>(await Engine.AcquireAsync(key, new AcquireRequest("a")));
        using var cancel = new CancellationTokenSource();
        var waiting = Engine.AcquireAsync(key, new AcquireRequest("b", Wait: TimeSpan.FromMinutes(1)), cancel.Token);
        await AwaitAssertAsync(async () => Assert.Single((await Engine.InspectAsync(key)).Waiters!));

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await AwaitAssertAsync(async () => Assert.Empty((await Engine.InspectAsync(key)).Waiters!));
        await Engine.ReleaseAsync(key, ReleaseLock.ByHandle(first.Holder.Handle));

        Assert.Null((await Engine.InspectAsync(key)).Holder);
    }

    [Fact]
    public async Task Waiting_acquire_is_granted_when_the_holder_releases()
    {
        var key = new LockKey("orders", "handed-off");
        var first = Assert.IsType<Granted>(await Engine.AcquireAsync(key, new AcquireRequest("a")));
        var waiting = Engine.AcquireAsync(key, new AcquireRequest("b", Wait: TimeSpan.FromMinutes(1)));
        await AwaitAssertAsync(async () => Assert.Single((await Engine.InspectAsync(key)).Waiters!));

        await Engine.ReleaseAsync(key, ReleaseLock.ByHandle(first.Holder.Handle));

        Assert.Equal("b", Assert.IsType<Granted>(await waiting).Holder.Owner);
    }

    [Fact]
    public async Task Listing_shows_held_locks_of_one_context_or_all()
    {
        await Engine.AcquireAsync(new("list-a", "1"), new AcquireRequest("x"));
        await Engine.AcquireAsync(new("list-b", "1"), new AcquireRequest("y"));
        await Engine.AcquireAsync(new("list-b", "2"), new AcquireRequest("y", Ttl: TimeSpan.FromMinutes(5)));

        var inB = await Engine.ListAsync("list-b");
        var all = await Engine.ListAsync();

        Assert.Equal(["list-b:1", "list-b:2"], inB.Select(l => l.Key.ToString()));
        Assert.Equal(["list-a:1", "list-b:1", "list-b:2"], all.Select(l => l.Key.ToString()));
    }

    [Fact]
    public async Task Reset_of_a_context_force_releases_only_its_locks()
    {
        await Engine.AcquireAsync(new("reset-a", "1"), new AcquireRequest("x"));
        await Engine.AcquireAsync(new("reset-a", "2"), new AcquireRequest("x"));
        await Engine.AcquireAsync(new("reset-b", "1"), new AcquireRequest("x"));

        var released = await Engine.ResetAsync("reset-a");

        Assert.Equal(2, released);
        Assert.Empty(await Engine.ListAsync("reset-a"));
        Assert.Single(await Engine.ListAsync("reset-b"));
        Assert.Null((await Engine.InspectAsync(new("reset-a", "1"))).Holder);
    }

    [Fact]
    public async Task Reset_of_everything_leaves_no_lock_held()
    {
        await Engine.AcquireAsync(new("all-a", "1"), new AcquireRequest("x"));
        await Engine.AcquireAsync(new("all-b", "1"), new AcquireRequest("x"));

        await Engine.ResetAsync();

        Assert.Empty(await Engine.ListAsync());
    }

    [Fact]
    public async Task Request_breaking_a_limit_is_rejected_and_changes_nothing()
    {
        var key = new LockKey("limits", "1");

        var reply = await Engine.AcquireAsync(key, new AcquireRequest("a", Data: new string('x', LockLimits.MaxDataBytes + 1)));

        Assert.IsType<Rejected>(reply);
        Assert.Null((await Engine.InspectAsync(key)).Holder);
    }
}
