namespace AkkaLocks.Server.Tests.Dms;

/// <summary>Bad envelopes and bad parameters: the JSON-RPC 2.0 error codes, never a 500, never a state change.</summary>
public sealed class DmsBadInputTests(DmsServerFactory server) : IClassFixture<DmsServerFactory>
{
    private readonly DmsClient _dms = DmsClient.For(server);

    [Theory]
    [InlineData("{not json", -32700)]
    [InlineData("", -32700)]
    [InlineData("42", -32600)]
    [InlineData("[]", -32600)]
    [InlineData("""{"method":"Login","params":[],"id":1}""", -32600)]
    [InlineData("""{"jsonrpc":"1.0","method":"Login","params":[],"id":1}""", -32600)]
    [InlineData("""{"jsonrpc":"2.0","method":7,"id":1}""", -32600)]
    [InlineData("""{"jsonrpc":"2.0","method":"Login","params":"user_admin","id":1}""", -32600)]
    [InlineData("""{"jsonrpc":"2.0","method":"Login","params":[],"id":{"a":1}}""", -32600)]
    [InlineData("""{"jsonrpc":"2.0","method":"NoSuchMethod","params":[],"id":1}""", -32601)]
    [InlineData("""{"jsonrpc":"2.0","method":"Login","params":["only-one"],"id":1}""", -32602)]
    [InlineData("""{"jsonrpc":"2.0","method":"Login","params":["a","b","c"],"id":1}""", -32602)]
    [InlineData("""{"jsonrpc":"2.0","method":"Login","params":[1,2],"id":1}""", -32602)]
    [InlineData("""{"jsonrpc":"2.0","method":"Login","params":{"username":"a"},"id":1}""", -32602)]
    [InlineData("""{"jsonrpc":"2.0","method":"Login","params":{"username":"a","password":"b","extra":1},"id":1}""", -32602)]
    public async Task Bad_envelopes_get_the_json_rpc_error_code(string body, int code)
    {
        var answer = await _dms.PostAsync(DmsClient.Locks, body);

        Assert.Equal(code, DmsClient.ErrorCode(answer));
        Assert.Equal("2.0", answer["jsonrpc"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_lock_parameters_are_invalid_params_and_take_no_lock()
    {
        var token = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);
        var id = DmsClient.NewIdentifier();

        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", token, "bad/identifier", 30, new { }));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", token, "", 30, new { }));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", token, new string('a', 257), 30, new { }));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", token, id, 0, new { }));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", token, id, -5, new { }));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", token, id, 999_999_999, new { }));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", token, id, "30", new { }));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", token, id, 1.5, new { }));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", token, id, 30, "data"));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", token, id, 30, new[] { 1 }));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", token, id, 30, new { big = new string('x', 70_000) }));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "GetLockData", token, "bad identifier"));

        Assert.Equal(-1, await _dms.ExpirationAsync(token, id));
    }

    [Fact]
    public async Task Bad_ttl_on_extend_is_invalid_params_and_keeps_the_deadline()
    {
        var token = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);
        var id = DmsClient.NewIdentifier();
        var handle = await _dms.TryAcquireAsync(token, id, ttlSeconds: 30);

        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "ExtendLock", token, 0, handle));
        Assert.Equal(-32602, await _dms.ErrorCodeAsync(DmsClient.Locks, "ExtendLock", token, 30, 12345));

        Assert.InRange(await _dms.ExpirationAsync(token, id), 25, 30);
    }

    [Fact]
    public async Task Lock_data_may_be_omitted_or_null()
    {
        var token = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);

        var omitted = (await _dms.ResultAsync(DmsClient.Locks, "TryAcquireLock", token, DmsClient.NewIdentifier(), 30))!.GetValue<string>();
        var nulled = (await _dms.ResultAsync(DmsClient.Locks, "TryAcquireLock", token, DmsClient.NewIdentifier(), 30, null))!.GetValue<string>();

        Assert.NotEqual("error", omitted);
        Assert.NotEqual("error", nulled);
    }

    [Fact]
    public async Task Notification_gets_204_and_a_batch_gets_one_answer_per_call()
    {
        var (status, body) = await _dms.PostRawAsync(DmsClient.Locks, """{"jsonrpc":"2.0","method":"Login","params":["x","y"]}""");
        var batch = await _dms.PostRawAsync(DmsClient.Locks,
            """[{"jsonrpc":"2.0","method":"NoSuch","id":1},{"jsonrpc":"2.0","method":"Login","params":["x"],"id":2}]""");

        Assert.Equal(System.Net.HttpStatusCode.NoContent, status);
        Assert.Equal("", body);
        var answers = System.Text.Json.Nodes.JsonNode.Parse(batch.Body)!.AsArray();
        Assert.Equal([-32601, -32602], answers.Select(a => DmsClient.ErrorCode(a!)));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_an_invalid_request()
    {
        var body = """{"jsonrpc":"2.0","method":"Login","params":["a",""" + "\"" + new string('x', 200_000) + "\"],\"id\":1}";

        Assert.Equal(-32600, DmsClient.ErrorCode(await _dms.PostAsync(DmsClient.Locks, body)));
    }
}
