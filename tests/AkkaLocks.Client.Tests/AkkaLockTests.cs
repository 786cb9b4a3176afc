using AkkaLocks.Contracts;

namespace AkkaLocks.Client.Tests;

/// <summary>The DistributedLock-shaped API against the real server: acquire, try, timeouts, fencing, renewal and loss.</summary>
[Collection(LockServerCollection.Name)]
public sealed class AkkaLockTests(LockServer server)
{
    [Fact]
    public async Task Acquired_handle_holds_the_lock_until_disposed()
    {
        var client = server.NewClient();
        var job = client.CreateLock("job");

        await using (var handle = await job.AcquireAsync())
        {
            var held = await client.GetAsync(job.Context, job.Name);
            Assert.Equal(handle.FencingToken, held!.FencingToken);
            Assert.StartsWith(client.Options.Owner + "#", held.Owner);
        }

        Assert.Null(await client.GetAsync(job.Context, job.Name));
    }

    [Fact]
    public async Task TryAcquire_returns_null_while_another_handle_holds_the_lock()
    {
        var client = server.NewClient();
        await using var first = await client.CreateLock("job").AcquireAsync();

        Assert.Null(await client.CreateLock("job").TryAcquireAsync());
    }

    [Fact]
    public async Task Acquire_throws_TimeoutException_when_the_lock_stays_busy()
    {
        var client = server.NewClient();
        await using var first = await client.CreateLock("job").AcquireAsync();

        await Assert.ThrowsAsync<TimeoutException>(() => client.CreateLock("job").AcquireAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Waiting_acquire_gets_the_lock_with_a_larger_fencing_token_once_it_is_released()
    {
        var client = server.NewClient();
        var first = await client.CreateLock("job").AcquireAsync();
        var waiting = client.CreateLock("job").AcquireAsync(TimeSpan.FromSeconds(30));
        Assert.True(await Eventually(async () => (await client.GetAsync(client.Options.Context, "job"))?.Waiters?.Count == 1));

        await first.DisposeAsync();
        await using var second = await waiting;

        Assert.True(second.FencingToken > first.FencingToken);
    }

    [Fact]
    public async Task Handle_renews_its_lock_beyond_the_ttl_while_it_lives()
    {
        // Generous against a loaded machine: renewed every 0.5 s, counted lost only after 1.35 s without a renewal.
        var client = server.NewClient(o => o.Ttl = TimeSpan.FromMilliseconds(1500));
        await using var handle = await client.CreateLock("job").AcquireAsync();

        await Task.Delay(TimeSpan.FromMilliseconds(3500));

        Assert.False(handle.HandleLostToken.IsCancellationRequested);
        var fence = await client.CheckFenceAsync(handle.Context, handle.Name, handle.FencingToken);
        Assert.True(fence.IsCurrent);
    }

    [Fact]
    public async Task HandleLostToken_fires_when_the_lock_is_force_released()
    {
        var client = server.NewClient(o => o.Ttl = TimeSpan.FromSeconds(1));
        await using var handle = await client.CreateLock("job").AcquireAsync();
        var lost = WhenCancelled(handle.HandleLostToken);

        Assert.True(await client.ForceReleaseAsync(handle.Context, handle.Name));

        await lost.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(handle.HandleLostToken.IsCancellationRequested);
    }

    [Fact]
    public async Task HandleLostToken_fires_when_the_lock_expires_without_renewal()
    {
        var client = server.NewClient(o => (o.Ttl, o.AutoRenew) = (TimeSpan.FromMilliseconds(500), false));
        await using var handle = await client.CreateLock("job").AcquireAsync();

        await WhenCancelled(handle.HandleLostToken).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(await Eventually(async () => await client.GetAsync(handle.Context, handle.Name) is null));
    }

    [Fact]
    public async Task Released_handle_does_not_report_its_lock_lost()
    {
        var client = server.NewClient(o => o.Ttl = TimeSpan.FromMilliseconds(500));
        var handle = await client.CreateLock("job").AcquireAsync();
        var token = handle.HandleLostToken;
        var fired = false;
        using var registration = token.Register(() => fired = true);

        await handle.DisposeAsync();
        await Task.Delay(700);

        Assert.False(fired);
    }

    private static Task WhenCancelled(CancellationToken token)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => done.TrySetResult());
        return done.Task;
    }

    private static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
