using System.Text.Json.Nodes;

namespace AkkaLocks.Server.Tests.Dms;

/// <summary>/eventstreamsrpc over real HTTP: a lock's change events, read with a long poll from the queue GetExclusiveLockQueueName names.</summary>
public sealed class EventStreamsApiTests(DmsServerFactory server) : IClassFixture<DmsServerFactory>
{
    private readonly DmsClient _dms = DmsClient.For(server);

    [Fact]
    public async Task Queue_holds_acquired_extended_and_released_in_order_with_increasing_ids()
    {
        var (locker, reader, id, queue) = await SetUpAsync();
        var handle = await _dms.TryAcquireAsync(locker, id);
        await _dms.ExtendAsync(locker, 60, handle);
        await _dms.ReleaseAsync(locker, handle);

        var data = await DequeueMultipleAsync(reader, queue, "__first__", 10);

        Assert.Equal(["lock_acquired", "lock_extended", "lock_released"], data.Select(m => m!["message"]!["action"]!.GetValue<string>()));
        Assert.All(data, m => Assert.Equal(id, m!["message"]!["identifier"]!.GetValue<string>()));
        var ids = data.Select(m => long.Parse(m!["messageid"]!.GetValue<string>())).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(data, m => Assert.EndsWith("Z", m!["createdatutc"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Reader_passing_the_last_id_it_saw_gets_only_newer_messages()
    {
        var (locker, reader, id, queue) = await SetUpAsync();
        var handle = await _dms.TryAcquireAsync(locker, id);
        var first = (await DequeueMultipleAsync(reader, queue, "__first__", 10)).Single();
        await _dms.ReleaseAsync(locker, handle);

        var next = await _dms.ResultAsync(DmsClient.Events, "DequeueMessage", reader, queue, first!["messageid"]!.GetValue<string>(), 5);

        Assert.Equal("lock_released", next!["data"]!.AsArray().Single()!["message"]!["action"]!.GetValue<string>());
        Assert.False(next.AsObject().ContainsKey("timeout"));
    }

    [Fact]
    public async Task Waiting_reader_is_woken_by_the_release()
    {
        var (locker, reader, id, queue) = await SetUpAsync();
        var handle = await _dms.TryAcquireAsync(locker, id);
        var acquired = (await DequeueMultipleAsync(reader, queue, "__first__", 10)).Single()!["messageid"]!.GetValue<string>();
        var waiting = new DmsClient(server.CreateClient()).ResultAsync(DmsClient.Events, "DequeueMessage", reader, queue, acquired, 60);
        await Task.Delay(300);   // lets the poll reach the log first; if it does not, the release is still the next message after its id

        Assert.True(await _dms.ReleaseAsync(locker, handle));

        var answer = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("lock_released", answer!["data"]![0]!["message"]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Expiry_is_published_as_lock_released()
    {
        var (locker, reader, id, queue) = await SetUpAsync();
        await _dms.TryAcquireAsync(locker, id, ttlSeconds: 1);

        var acquired = (await DequeueMultipleAsync(reader, queue, "__first__", 10)).Single();

        var next = await _dms.ResultAsync(DmsClient.Events, "DequeueMessage", reader, queue, acquired!["messageid"]!.GetValue<string>(), 30);

        var message = next!["data"]![0]!["message"]!;
        Assert.Equal("lock_released", message["action"]!.GetValue<string>());
        Assert.Equal("expired", message["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Force_release_through_esoco_is_published_as_lock_released()
    {
        var (locker, reader, id, queue) = await SetUpAsync();
        await _dms.TryAcquireAsync(locker, id);

        var forced = await Esoco.EsocoClient.For(server).ReleaseLockAsync("operator", "default", id, force: true);

        Assert.Equal(200, forced.Status);
        var data = await DequeueMultipleAsync(reader, queue, "__first__", 10);
        Assert.Equal("lock_released", data[^1]!["message"]!["action"]!.GetValue<string>());
        Assert.Equal("force_released", data[^1]!["message"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nothing_arriving_answers_timeout_true()
    {
        var (_, reader, _, queue) = await SetUpAsync();

        var answer = await _dms.ResultAsync(DmsClient.Events, "DequeueMessage", reader, queue, "__last__", 5);

        Assert.True(answer!["timeout"]!.GetValue<bool>());
        Assert.False(answer.AsObject().ContainsKey("data"));
    }

    [Fact]
    public async Task GetQueueSize_and_GetNextMessageByTimestamp_read_without_consuming()
    {
        var (locker, reader, id, queue) = await SetUpAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        var handle = await _dms.TryAcquireAsync(locker, id);
        await _dms.ReleaseAsync(locker, handle);

        var size = await _dms.ResultAsync(DmsClient.Events, "GetQueueSize", reader, queue);
        var next = await _dms.ResultAsync(DmsClient.Events, "GetNextMessageByTimestamp", reader, queue, before, true);

        Assert.Equal(2, size!.GetValue<int>());
        Assert.Equal("lock_acquired", next!["data"]![0]!["message"]!["action"]!.GetValue<string>());
        Assert.Equal(2, (await _dms.ResultAsync(DmsClient.Events, "GetQueueSize", reader, queue))!.GetValue<int>());
    }

    [Fact]
    public async Task Reading_needs_event_read_monitor_or_admin_and_a_valid_token()
    {
        var (locker, _, _, queue) = await SetUpAsync();
        var monitor = await _dms.LoginAsync(DmsUsers.Monitor, DmsUsers.Password);
        var admin = (await _dms.ResultAsync(DmsClient.Events, "Login", DmsUsers.Admin, DmsUsers.AdminPassword))!["token"]!.GetValue<string>();

        Assert.Equal(-32003, await _dms.ErrorCodeAsync(DmsClient.Events, "GetQueueSize", locker, queue));
        Assert.Equal(-32004, await _dms.ErrorCodeAsync(DmsClient.Events, "GetQueueSize", "forged", queue));
        Assert.Equal(0, (await _dms.ResultAsync(DmsClient.Events, "GetQueueSize", monitor, queue))!.GetValue<int>());
        Assert.Equal(0, (await _dms.ResultAsync(DmsClient.Events, "GetQueueSize", admin, queue))!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_queue_names_ids_timeouts_and_counts_are_invalid_params()
    {
        var (_, reader, _, queue) = await SetUpAsync();

        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Events, "DequeueMessage", reader, "some.other.queue", "__first__", 5));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Events, "DequeueMessage", reader, queue, "not-an-id", 5));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Events, "DequeueMessage", reader, queue, "__first__", 4));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Events, "DequeueMessage", reader, queue, "__first__", 601));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Events, "DequeueMultipleMessage", reader, queue, "__first__", 0, 5));
        Assert.Equal(-32601, await _dms.ErrorCodeAsync(DmsClient.Events, "EnqueueMessage", reader, queue, new { action = "lock_released" }));
    }

    private async Task<(string Locker, string Reader, string Id, string Queue)> SetUpAsync([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var locker = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);
        var reader = await _dms.LoginAsync(DmsUsers.Reader, DmsUsers.Password);
        var id = DmsClient.NewIdentifier(test);
        var queue = (await _dms.ResultAsync(DmsClient.Locks, "GetExclusiveLockQueueName", locker, id))!.GetValue<string>();
        return (locker, reader, id, queue);
    }

    private async Task<List<JsonNode?>> DequeueMultipleAsync(string token, string queue, string lastId, int max)
    {
        var answer = await _dms.ResultAsync(DmsClient.Events, "DequeueMultipleMessage", token, queue, lastId, max, 5);
        return [.. answer!["data"]!.AsArray()];
    }
}
