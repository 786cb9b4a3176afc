using System.Text;
using System.Text.Json;
using AkkaLocks.Server.Tests.Dms;
using CsCheck;

namespace AkkaLocks.Server.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the DMSContainer JSON-RPC endpoints: any envelope gets a JSON-RPC answer (a result or
/// an error object), never an HTTP 5xx. Half the calls carry a valid token, so the methods themselves are reached.
/// </summary>
public sealed class JsonRpcFuzzTests(DmsServerFactory server) : IClassFixture<DmsServerFactory>
{
    private static readonly string[] Methods =
    [
        "Login", "RefreshToken", "TryAcquireLock", "ExtendLock", "ReleaseLock", "GetLockData", "GetLockExpiration",
        "GetExclusiveLockQueueName", "GetLocks", "DequeueMessage", "DequeueMultipleMessage", "GetQueueSize",
        "GetNextMessageByTimestamp", "tryacquirelock", "try_acquire_lock", "NoSuchMethod", "",
    ];

    [Fact]
    public async Task Any_envelope_gets_a_json_rpc_answer_and_never_a_5xx()
    {
        var dms = DmsClient.For(server);
        var token = await dms.LoginAsync("user_admin", DmsUsers.AdminPassword);
        using var http = server.CreateClient();
        var parameters = Gen.Select(Gen.Bool, Gen.OneOf(FuzzBodies.Objects("a", "b"), Gen.Const("\"fuzz-lock\""), Gen.Const("5"),
                Gen.Const("-1"), Gen.Const("{}"), Gen.Const("null"), Gen.Const("\"__first__\""), Gen.Const("1e300")).Array[0, 5],
            (withToken, rest) => "[" + string.Join(",", (withToken ? [JsonSerializer.Serialize(token)] : Array.Empty<string>()).Concat(rest)) + "]");
        var envelopes = Gen.OneOf(
            Gen.Select(Gen.OneOf(Methods.Select(Gen.Const).ToArray()), parameters, Gen.Int[0, 3],
                (method, @params, idKind) => $$"""{"jsonrpc":"2.0","method":{{JsonSerializer.Serialize(method)}},"params":{{@params}}{{Id(idKind)}}}"""),
            FuzzBodies.Objects("jsonrpc", "method", "params", "id"),
            FuzzBodies.Garbage);

        await envelopes.SampleAsync(async envelope =>
        {
            foreach (var endpoint in new[] { DmsClient.Locks, DmsClient.Events })
            {
                // Long polls would only make the run slow: the fuzzed timeouts are out of range or short anyway.
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                var response = await http.PostAsync(endpoint, new StringContent(envelope, Encoding.UTF8, "application/json"), cancel.Token);
                var status = (int)response.StatusCode;
                Assert.True(status < 500, $"{endpoint} answered HTTP {status} to {envelope}");
                if (status == 204) continue;   // a notification (no id) gets no answer
                var answer = await response.Content.ReadAsStringAsync();
                using var json = JsonDocument.Parse(answer);
                Assert.True(IsJsonRpcAnswer(json.RootElement), $"{endpoint} answered {answer} to {envelope}");
            }
        }, iter: 200, threads: 1);
    }

    private static string Id(int kind) => kind switch { 0 => "", 1 => ",\"id\":7", 2 => ",\"id\":\"x\"", _ => ",\"id\":null" };

    private static bool IsJsonRpcAnswer(JsonElement answer) => answer.ValueKind switch
    {
        JsonValueKind.Object => answer.TryGetProperty("result", out _) ^ answer.TryGetProperty("error", out _),
        JsonValueKind.Array => answer.EnumerateArray().All(IsJsonRpcAnswer),   // a batch
        _ => false,
    };
}
