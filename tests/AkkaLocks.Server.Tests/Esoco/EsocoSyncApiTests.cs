using System.Globalization;
using System.Text.RegularExpressions;

namespace AkkaLocks.Server.Tests.Esoco;

/// <summary>/api/sync: request_lock, release_lock, check_lock and current_locks, as esoco-sync.md describes them.</summary>
public sealed class EsocoSyncApiTests(AkkaLocksServerFactory server) : IClassFixture<AkkaLocksServerFactory>
{
    /// <summary><c>client[ip] (yyyy-MM-dd HH:mm:ss.SSS)</c>, the holder text of current_locks.</summary>
    private static readonly Regex HolderText = new(@"^(?<client>.+)\[(?<ip>[^\]]*)\] \((?<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3})\)$");

    private readonly EsocoClient _esoco = EsocoClient.For(server);

    [Fact]
    public async Task Request_of_a_free_target_is_granted_with_an_empty_body_and_fencing_headers()
    {
        var context = EsocoClient.NewContext();

        var answer = await _esoco.RequestLockAsync("A", context, "T");

        Assert.Equal(200, answer.Status);
        Assert.Equal("", answer.Body);
        Assert.True(answer.FencingToken > 0);
        Assert.False(string.IsNullOrEmpty(answer.Header("X-Lock-Handle")));
        Assert.True(await _esoco.IsLockedAsync(context, "T"));
    }

    [Fact]
    public async Task Each_new_grant_of_the_same_target_has_a_larger_fencing_token()
    {
        var context = EsocoClient.NewContext();

        var first = await _esoco.RequestLockAsync("A", context, "T");
        await _esoco.ReleaseLockAsync("A", context, "T");
        var second = await _esoco.RequestLockAsync("B", context, "T");
        var takenOver = await _esoco.RequestLockAsync("C", context, "T", force: true);

        Assert.Equal([200, 200, 200], [first.Status, second.Status, takenOver.Status]);
        Assert.True(second.FencingToken > first.FencingToken);
        Assert.True(takenOver.FencingToken > second.FencingToken);
    }

    [Fact]
    public async Task Repeated_request_by_the_holder_answers_208_with_the_same_token()
    {
        var context = EsocoClient.NewContext();
        var granted = await _esoco.RequestLockAsync("A", context, "T");

        var again = await _esoco.RequestLockAsync("A", context, "T");

        Assert.Equal(208, again.Status);
        Assert.Equal("", again.Body);
        Assert.Equal(granted.FencingToken, again.FencingToken);
        Assert.Equal(granted.Header("X-Lock-Handle"), again.Header("X-Lock-Handle"));
    }

    [Fact]
    public async Task Request_of_a_target_held_by_another_client_is_locked_with_the_requesters_id()
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "T");

        var answer = await _esoco.RequestLockAsync("B", context, "T");

        Assert.Equal(423, answer.Status);
        Assert.Equal("B", answer.Body);
        Assert.Null(answer.Header("X-Fencing-Token"));
        Assert.StartsWith("A[", await _esoco.HolderAsync(context, "T"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(",\n\"force\": false")]
    [InlineData(",\n\"force\": null")]
    public async Task Request_without_force_true_never_takes_the_lock_over(string forceField)
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "T");

        var answer = await _esoco.PostAsync("/api/sync/request_lock", $"{{\n\"client\": \"B\",\n\"context\": \"{context}\",\n\"target\": \"T\"{forceField}\n}}");

        Assert.Equal(423, answer.Status);
        Assert.StartsWith("A[", await _esoco.HolderAsync(context, "T"));
    }

    [Fact]
    public async Task Forced_request_by_another_client_takes_the_lock_over()
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "T");

        var answer = await _esoco.RequestLockAsync("B", context, "T", force: true);

        Assert.Equal(200, answer.Status);
        Assert.Equal("", answer.Body);
        Assert.StartsWith("B[", await _esoco.HolderAsync(context, "T"));
        Assert.Equal(409, (await _esoco.ReleaseLockAsync("A", context, "T")).Status);
    }

    [Fact]
    public async Task Put_behaves_like_post()
    {
        var context = EsocoClient.NewContext();
        var body = EsocoJson.Lock("A", context, "T");

        var granted = await _esoco.SendAsync(HttpMethod.Put, "/api/sync/request_lock", body);
        var again = await _esoco.SendAsync(HttpMethod.Put, "/api/sync/request_lock", body);
        var locked = await _esoco.SendAsync(HttpMethod.Put, "/api/sync/request_lock", EsocoJson.Lock("B", context, "T"));
        var check = await _esoco.SendAsync(HttpMethod.Put, "/api/sync/check_lock", body);
        var released = await _esoco.SendAsync(HttpMethod.Put, "/api/sync/release_lock", body);

        Assert.Equal([200, 208, 423, 200, 200], [granted.Status, again.Status, locked.Status, check.Status, released.Status]);
        Assert.Equal("true", check.Body);
        Assert.False(await _esoco.IsLockedAsync(context, "T"));
    }

    [Fact]
    public async Task Sync_paths_ignore_letter_case_and_accept_dashes()
    {
        var context = EsocoClient.NewContext();

        var granted = await _esoco.PostAsync("/API/Sync/Request-Lock", EsocoJson.Lock("A", context, "T"));
        var check = await _esoco.PostAsync("/api/SYNC/check-LOCK", EsocoJson.Lock("A", context, "T"));
        var released = await _esoco.PostAsync("/Api/Sync/RELEASE_LOCK", EsocoJson.Lock("A", context, "T"));

        Assert.Equal([200, 200, 200], [granted.Status, check.Status, released.Status]);
        Assert.Equal("true", check.Body);
    }

    [Fact]
    public async Task Fields_esoco_does_not_know_are_ignored()
    {
        var context = EsocoClient.NewContext();

        var answer = await _esoco.RequestLockAsync("A", context, "T", force: false, "\"comment\": \"from a newer client\"", "\"retries\": [1, 2]");

        Assert.Equal(200, answer.Status);
        Assert.True(await _esoco.IsLockedAsync(context, "T"));
    }

    [Fact]
    public async Task Client_ids_are_free_text_chosen_by_the_application()
    {
        var context = EsocoClient.NewContext();
        const string client = "user@host 4711/app (Müller)";

        var granted = await _esoco.RequestLockAsync(client, context, "T");
        var locked = await _esoco.RequestLockAsync(client + "2", context, "T");

        Assert.Equal(200, granted.Status);
        Assert.Equal(client + "2", locked.Body);
        Assert.StartsWith(client + "[", await _esoco.HolderAsync(context, "T"));
        Assert.Equal(200, (await _esoco.ReleaseLockAsync(client, context, "T")).Status);
    }

    [Fact]
    public async Task Release_by_the_holder_frees_the_lock_with_an_empty_body()
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "T");

        var answer = await _esoco.ReleaseLockAsync("A", context, "T");

        Assert.Equal(200, answer.Status);
        Assert.Equal("", answer.Body);
        Assert.False(await _esoco.IsLockedAsync(context, "T"));
    }

    [Fact]
    public async Task Release_by_another_client_conflicts_with_the_requesters_id_and_keeps_the_lock()
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "T");

        var answer = await _esoco.ReleaseLockAsync("B", context, "T");

        Assert.Equal(409, answer.Status);
        Assert.Equal("B", answer.Body);
        Assert.StartsWith("A[", await _esoco.HolderAsync(context, "T"));
    }

    [Fact]
    public async Task Release_of_an_unlocked_target_in_a_context_with_locks_is_not_found_as_context_and_target()
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "Other");

        var answer = await _esoco.ReleaseLockAsync("A", context, "T");

        Assert.Equal(404, answer.Status);
        Assert.Equal($"{context}:T", answer.Body);
    }

    [Fact]
    public async Task Release_in_a_context_without_locks_is_an_unknown_context()
    {
        var context = EsocoClient.NewContext();

        var answer = await _esoco.ReleaseLockAsync("A", context, "T");

        Assert.Equal(404, answer.Status);
        Assert.Equal($"Unknown context {context}", answer.Body);
    }

    [Fact]
    public async Task Forced_release_by_any_client_frees_the_lock()
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "T");

        var answer = await _esoco.ReleaseLockAsync("ModificationSyncServiceTool1a2b3c4d", context, "T", force: true);

        Assert.Equal(200, answer.Status);
        Assert.Equal("", answer.Body);
        Assert.False(await _esoco.IsLockedAsync(context, "T"));
    }

    [Fact]
    public async Task Check_lock_tells_whether_anyone_holds_the_target()
    {
        var context = EsocoClient.NewContext();
        var before = await _esoco.PostAsync("/api/sync/check_lock", EsocoJson.Lock("B", context, "T"));
        await _esoco.RequestLockAsync("A", context, "T");
        var byOther = await _esoco.PostAsync("/api/sync/check_lock", EsocoJson.Lock("B", context, "T"));
        var byHolder = await _esoco.PostAsync("/api/sync/check_lock", EsocoJson.Lock("A", context, "T"));
        await _esoco.ReleaseLockAsync("A", context, "T");
        var after = await _esoco.PostAsync("/api/sync/check_lock", EsocoJson.Lock("B", context, "T"));

        Assert.Equal([200, 200, 200, 200], [before.Status, byOther.Status, byHolder.Status, after.Status]);
        Assert.Equal(["false", "true", "true", "false"], [before.Body, byOther.Body, byHolder.Body, after.Body]);
    }

    [Theory]
    [InlineData("/api/sync/current_locks")]
    [InlineData("/api/status/current_locks")]
    public async Task Current_locks_lists_each_holder_as_client_ip_and_local_lock_time(string path)
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "T1");
        await _esoco.RequestLockAsync("B", context, "T2");

        var answer = await _esoco.GetAsync(path);
        var locks = await _esoco.CurrentLocksAsync(path);

        Assert.Equal(200, answer.Status);
        Assert.Equal(["T1", "T2"], locks[context].Keys.Order());
        AssertHolder(locks[context]["T1"], "A");
        AssertHolder(locks[context]["T2"], "B");
        Assert.DoesNotMatch(@"""\s+:", answer.Body);   // esoco's Java JSON parser needs "key": with nothing before the colon
        Assert.Contains($"\"{context}\": {{", answer.Body);
    }

    [Fact]
    public async Task Current_locks_does_not_list_a_context_that_never_held_a_lock()
    {
        var context = EsocoClient.NewContext();

        var locks = await _esoco.CurrentLocksAsync();

        Assert.False(locks.ContainsKey(context));
    }

    [Fact]
    public async Task Released_locks_disappear_from_current_locks()
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "T1");
        await _esoco.RequestLockAsync("A", context, "T2");

        await _esoco.ReleaseLockAsync("A", context, "T1");
        var afterOne = await _esoco.CurrentLocksAsync();
        await _esoco.ReleaseLockAsync("X", context, "T2", force: true);
        var afterBoth = await _esoco.CurrentLocksAsync();

        Assert.Equal(["T2"], afterOne[context].Keys);
        Assert.False(afterBoth.GetValueOrDefault(context)?.ContainsKey("T2") ?? false);
    }

    [Fact]
    public async Task Lock_with_a_ttl_disappears_once_it_expires()
    {
        var context = EsocoClient.NewContext();

        var granted = await _esoco.RequestLockAsync("A", context, "T", force: false, "\"ttl\": 1");
        var listed = await _esoco.HolderAsync(context, "T");
        var expired = await Eventually.TrueAsync(async () => await _esoco.HolderAsync(context, "T") is null, TimeSpan.FromSeconds(5));

        Assert.Equal(200, granted.Status);
        Assert.NotNull(listed);
        Assert.True(expired, "The lock with a TTL of 1 s was still listed after 5 s.");
        Assert.False(await _esoco.IsLockedAsync(context, "T"));
        Assert.Equal(200, (await _esoco.RequestLockAsync("B", context, "T")).Status);
    }

    private static void AssertHolder(string holder, string client)
    {
        var match = HolderText.Match(holder);
        Assert.True(match.Success, $"'{holder}' is not client[ip] (yyyy-MM-dd HH:mm:ss.SSS).");
        Assert.Equal(client, match.Groups["client"].Value);
        Assert.Equal("127.0.0.1", match.Groups["ip"].Value);
        var lockedAt = DateTime.ParseExact(match.Groups["time"].Value, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        Assert.InRange(lockedAt, DateTime.Now.AddMinutes(-1), DateTime.Now.AddSeconds(1));   // server local time, not UTC
    }
}
