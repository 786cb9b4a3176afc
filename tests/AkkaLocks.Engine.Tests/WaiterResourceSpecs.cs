using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Persistence.Hosting;
using Akka.Remote.Hosting;
using AkkaLocks.Core;
using AkkaLocks.Engine.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AkkaLocks.Engine.Tests;

/// <summary>
/// 10,000 simultaneous waiters (ten busy locks, each with its queue full at max-waiters): one more waiter per lock is
/// refused at once (queue full), the managed heap they take is measured and bounded generously (the figure goes to
/// docs/safety.md), and cancelling them empties every queue.
/// </summary>
public sealed class WaiterResourceSpecs(ITestOutputHelper output) : Akka.Hosting.TestKit.TestKit(nameof(WaiterResourceSpecs), output)
{
    private const int Locks = 10;
    private const int PerLock = LockEntitySettings.DefaultMaxWaiters;
    private const long GenerousBytesPerWaiter = 50 * 1024;

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
    public async Task Ten_thousand_waiters_fill_their_queues_refuse_one_more_and_leave_when_cancelled()
    {
        var keys = Enumerable.Range(0, Locks).Select(i => new LockKey("waiters", $"busy-{i}")).ToList();
        foreach (var key in keys) Assert.IsType<Granted>(await Engine.AcquireAsync(key, new AcquireRequest("holder")));
        var before = GC.GetTotalMemory(forceFullCollection: true);

        using var cancel = new CancellationTokenSource();
        var waiting = keys.SelectMany(key => Enumerable.Range(0, PerLock).Select(i =>
            Engine.AcquireAsync(key, new AcquireRequest($"w{i}", Wait: TimeSpan.FromMinutes(10)), cancel.Token))).ToList();
        foreach (var key in keys)
            await AwaitAssertAsync(async () => Assert.Equal(PerLock, (await Engine.InspectAsync(key)).Waiters!.Count), TimeSpan.FromSeconds(60));
        var queued = GC.GetTotalMemory(forceFullCollection: true);

        foreach (var key in keys)
        {
            var refused = Assert.IsType<Busy>(await Engine.AcquireAsync(key, new AcquireRequest("one-more", Wait: TimeSpan.FromMinutes(1))));
            Assert.True(refused.QueueFull, "a full queue refuses one more waiter at once");
        }

        await cancel.CancelAsync();
        foreach (var task in waiting) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        waiting.Clear();   // the test's own cancelled tasks are not the server's memory
        foreach (var key in keys)
            await AwaitAssertAsync(async () => Assert.Empty((await Engine.InspectAsync(key)).Waiters!), TimeSpan.FromSeconds(60));
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var perWaiter = (queued - before) / (Locks * PerLock);
        Output!.WriteLine($"waiters: {Locks * PerLock} queued on {Locks} locks take {(queued - before) / 1024 / 1024.0:0.0} MiB of managed heap " +
            $"({perWaiter} bytes per waiter, ask and queue entry included); {(after - before) / 1024 / 1024.0:0.0} MiB left after they were cancelled");
        Assert.True(perWaiter < GenerousBytesPerWaiter, $"{perWaiter} bytes per waiter");
    }
}
