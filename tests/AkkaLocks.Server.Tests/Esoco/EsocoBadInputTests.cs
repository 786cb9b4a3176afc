namespace AkkaLocks.Server.Tests.Esoco;

/// <summary>
/// Bodies esoco's API must refuse: never with a 5xx or a code its Java client cannot handle, and never
/// with a change to any lock. Bodies are templates: {client} and {ctx} become ids no other test uses,
/// so "nothing changed" is checked as "that client holds nothing and that context's T is free".
/// </summary>
public sealed class EsocoBadInputTests(AkkaLocksServerFactory server) : IClassFixture<AkkaLocksServerFactory>
{
    private const string RequestLock = "/api/sync/request_lock";
    /// <summary>One character over the identifier and client id limit; written {long} in the templates.</summary>
    private static readonly string TooLong = new('x', 257);

    private readonly EsocoClient _esoco = EsocoClient.For(server);

    [Theory]
    [InlineData("client={client}&context={ctx}&target=T")]
    [InlineData("{\n\"client\": \"{client}\",\n\"context\": \"{ctx}\",\n\"target\": \"T\"\n")]
    [InlineData("{'client': '{client}', 'context': '{ctx}', 'target': 'T'}")]
    [InlineData("")]
    public async Task Body_that_is_not_json_is_not_acceptable(string template) =>
        await AssertRefusedAsync(RequestLock, template, 406);

    [Theory]
    [InlineData("[\"{client}\", \"{ctx}\", \"T\"]")]
    [InlineData("\"{client} {ctx} T\"")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    public async Task Json_that_is_not_an_object_is_not_acceptable(string template) =>
        await AssertRefusedAsync(RequestLock, template, 406);

    [Theory]
    [InlineData("{\n\"context\": \"{ctx}\",\n\"target\": \"T\"\n}")]
    [InlineData("{\n\"client\": \"{client}\",\n\"target\": \"T\"\n}")]
    [InlineData("{\n\"client\": \"{client}\",\n\"context\": \"{ctx}\"\n}")]
    [InlineData("{}")]
    public async Task Body_missing_client_context_or_target_is_a_bad_request(string template) =>
        await AssertRefusedAsync(RequestLock, template, 400);

    [Theory]
    [InlineData("{\n\"client\": 1,\n\"context\": \"{ctx}\",\n\"target\": \"T\"\n}")]
    [InlineData("{\n\"client\": {\"id\": \"{client}\"},\n\"context\": \"{ctx}\",\n\"target\": \"T\"\n}")]
    [InlineData("{\n\"client\": \"{client}\",\n\"context\": 1,\n\"target\": \"T\"\n}")]
    [InlineData("{\n\"client\": \"{client}\",\n\"context\": \"{ctx}\",\n\"target\": true\n}")]
    [InlineData("{\n\"client\": \"{client}\",\n\"context\": \"{ctx}\",\n\"target\": null\n}")]
    [InlineData("{\n\"client\": \"{client}\",\n\"context\": \"{ctx}\",\n\"target\": \"T\",\n\"force\": \"true\"\n}")]
    [InlineData("{\n\"client\": \"{client}\",\n\"context\": \"{ctx}\",\n\"target\": \"T\",\n\"force\": 1\n}")]
    public async Task Fields_of_the_wrong_type_are_a_bad_request(string template) =>
        await AssertRefusedAsync(RequestLock, template, 400);

    [Theory]
    [InlineData("context", "a b")]
    [InlineData("context", "a/b")]
    [InlineData("context", "{long}")]
    [InlineData("context", "")]
    [InlineData("target", "a b")]
    [InlineData("target", "a/b")]
    [InlineData("target", "{long}")]
    [InlineData("target", "")]
    [InlineData("client", "")]
    [InlineData("client", "{long}")]
    [InlineData("client", "A\nB")]
    public async Task Invalid_identifiers_are_a_bad_request(string field, string value)
    {
        var invalid = EsocoJson.Quote(value.Replace("{long}", TooLong));
        var fields = new Dictionary<string, string> { ["client"] = "\"{client}\"", ["context"] = "\"{ctx}\"", ["target"] = "\"T\"" };
        fields[field] = invalid;

        await AssertRefusedAsync(RequestLock, "{\n" + string.Join(",\n", fields.Select(f => $"\"{f.Key}\": {f.Value}")) + "\n}", 400);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0.01")]
    [InlineData("\"abc\"")]
    [InlineData("\"10\"")]
    [InlineData("1e12")]
    [InlineData("true")]
    [InlineData("[1]")]
    public async Task Ttl_that_is_not_a_positive_number_of_seconds_in_range_is_a_bad_request(string ttl) =>
        await AssertRefusedAsync(RequestLock, LockTemplate($"\"ttl\": {ttl}"), 400);

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("[1, 2]")]
    [InlineData("1")]
    [InlineData("true")]
    public async Task Data_that_is_not_a_json_object_is_a_bad_request(string data) =>
        await AssertRefusedAsync(RequestLock, LockTemplate($"\"data\": {data}"), 400);

    [Fact]
    public async Task Data_over_64_kib_is_a_bad_request() =>
        await AssertRefusedAsync(RequestLock, LockTemplate($"\"data\": {{\"blob\": \"{new string('d', 64 * 1024)}\"}}"), 400);

    [Theory]
    [InlineData(70 * 1024)]
    [InlineData(1024 * 1024)]
    public async Task Body_over_the_size_limit_is_a_bad_request(int padding) =>
        await AssertRefusedAsync(RequestLock, LockTemplate($"\"padding\": \"{new string('p', padding)}\""), 400);

    [Fact]
    public async Task Data_within_64_kib_is_accepted()
    {
        var context = EsocoClient.NewContext();

        var answer = await _esoco.RequestLockAsync("A", context, "T", force: false, $"\"data\": {{\"blob\": \"{new string('d', 60 * 1024)}\"}}");

        Assert.Equal(200, answer.Status);
    }

    [Theory]
    [InlineData("/api/sync/check_lock", "{\n\"client\": 1,\n\"context\": \"{ctx}\",\n\"target\": \"T\"\n}", 400)]
    [InlineData("/api/sync/check_lock", "{\n\"client\": \"\",\n\"context\": \"{ctx}\",\n\"target\": \"T\"\n}", 400)]
    [InlineData("/api/sync/check_lock", "{\n\"client\": \"{client}\",\n\"context\": \"a b\",\n\"target\": \"T\"\n}", 400)]
    [InlineData("/api/sync/check_lock", "[1]", 406)]
    [InlineData("/api/sync/release_lock", "{\n\"client\": \"{client}\",\n\"target\": \"T\"\n}", 400)]
    [InlineData("/api/sync/release_lock", "not json", 406)]
    public async Task Other_lock_operations_refuse_bad_bodies_the_same_way(string path, string template, int status) =>
        await AssertRefusedAsync(path, template, status);

    [Theory]
    [InlineData("\"client\": 1,\n\"force\": true")]
    [InlineData("\"client\": \"\",\n\"force\": true")]
    [InlineData("\"client\": \"{long}\",\n\"force\": true")]
    [InlineData("\"client\": \"ModificationSyncServiceTool1a2b3c4d\",\n\"force\": \"true\"")]
    [InlineData("\"client\": \"ModificationSyncServiceTool1a2b3c4d\",\n\"force\": true,\n\"ttl\": -5")]
    public async Task Bad_forced_release_never_frees_the_lock(string clientAndForce)
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "T");

        var answer = await _esoco.PostAsync("/api/sync/release_lock",
            $"{{\n{clientAndForce.Replace("{long}", TooLong)},\n\"context\": \"{context}\",\n\"target\": \"T\"\n}}");

        Assert.Equal(400, answer.Status);
        Assert.StartsWith("A[", await _esoco.HolderAsync(context, "T"));
    }

    [Theory]
    [InlineData("\"client\": 1")]
    [InlineData("\"client\": \"\"")]
    [InlineData("\"client\": \"B\",\n\"ttl\": 0")]
    public async Task Bad_forced_request_never_takes_the_lock_over(string clientField)
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "T");

        var answer = await _esoco.PostAsync(RequestLock, $"{{\n{clientField},\n\"context\": \"{context}\",\n\"target\": \"T\",\n\"force\": true\n}}");

        Assert.Equal(400, answer.Status);
        Assert.StartsWith("A[", await _esoco.HolderAsync(context, "T"));
    }

    /// <summary>A valid lock request of {client} for {ctx}:T, plus one more field.</summary>
    private static string LockTemplate(string extraField) =>
        $"{{\n\"client\": \"{{client}}\",\n\"context\": \"{{ctx}}\",\n\"target\": \"T\",\n{extraField}\n}}";

    private async Task AssertRefusedAsync(string path, string template, int expectedStatus)
    {
        var context = EsocoClient.NewContext("bad");
        var client = "bad-client-" + Guid.NewGuid().ToString("N");

        var answer = await _esoco.PostAsync(path, template.Replace("{ctx}", context).Replace("{client}", client));

        Assert.Equal(expectedStatus, answer.Status);
        Assert.False(await _esoco.IsLockedAsync(context, "T"));
        var listing = (await _esoco.GetAsync("/api/sync/current_locks")).Body;
        Assert.DoesNotContain(client, listing);
        Assert.DoesNotContain(context, listing);
    }
}
