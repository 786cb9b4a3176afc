using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AkkaLocks.Server.Tests.Esoco;

/// <summary>/, /info, /ping, /healthcheck and /api/status: read-only status, and how unknown or wrong requests are answered.</summary>
public sealed class EsocoStatusApiTests(AkkaLocksServerFactory server) : IClassFixture<AkkaLocksServerFactory>
{
    private static readonly Regex InfoText =
        new(@"^ModificationSyncService service, running since (?<since>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) \[Uptime: (\d+d )?(\d+h )?(\d+m )?\d+s\]$");

    private static readonly Regex StartDate = new(@"^""\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z""$");

    private readonly EsocoClient _esoco = EsocoClient.For(server);

    [Theory]
    [InlineData("/")]
    [InlineData("/info")]
    [InlineData("/INFO")]
    public async Task Info_names_the_service_its_start_and_its_uptime(string path)
    {
        var answer = await _esoco.GetAsync(path);

        Assert.Equal(200, answer.Status);
        Assert.Matches(InfoText, answer.Body);
    }

    [Theory]
    [InlineData("/ping")]
    [InlineData("/healthcheck")]
    [InlineData("/PING")]
    [InlineData("/HealthCheck")]
    public async Task Ping_and_healthcheck_answer_true(string path)
    {
        var answer = await _esoco.GetAsync(path);

        Assert.Equal(200, answer.Status);
        Assert.Equal("true", answer.Body);
    }

    [Fact]
    public async Task Uptime_is_a_json_number_of_milliseconds_that_grows()
    {
        var first = await _esoco.GetAsync("/api/status/uptime");
        await Task.Delay(20);
        var second = await _esoco.GetAsync("/api/status/uptime");

        Assert.Equal(200, first.Status);
        Assert.Matches(@"^\d+$", first.Body);
        Assert.True(JsonSerializer.Deserialize<long>(second.Body) > JsonSerializer.Deserialize<long>(first.Body));
    }

    [Theory]
    [InlineData("/api/status/start_date")]
    [InlineData("/api/status/start-date")]
    [InlineData("/API/STATUS/START_DATE")]
    [InlineData("/Api/Status/Start-Date")]
    public async Task Start_date_is_a_json_iso_utc_string_with_milliseconds_under_any_spelling(string path)
    {
        var answer = await _esoco.GetAsync(path);

        Assert.Equal(200, answer.Status);
        Assert.Matches(StartDate, answer.Body);
    }

    [Fact]
    public async Task Start_date_and_info_tell_the_same_start_in_utc_and_local_time()
    {
        var startDate = JsonSerializer.Deserialize<string>((await _esoco.GetAsync("/api/status/start_date")).Body)!;
        var info = InfoText.Match((await _esoco.GetAsync("/info")).Body);

        var started = DateTime.ParseExact(startDate, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.Equal(started.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), info.Groups["since"].Value);
        Assert.InRange(started, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow);
    }

    [Theory]
    [InlineData("/api/status/current-locks")]
    [InlineData("/API/STATUS/CURRENT_LOCKS")]
    [InlineData("/api/sync/Current-Locks")]
    public async Task Current_locks_is_reachable_under_any_spelling(string path)
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "T");

        var locks = await _esoco.CurrentLocksAsync(path);

        Assert.StartsWith("A[127.0.0.1] (", locks[context]["T"]);
    }

    [Fact]
    public async Task Status_and_sync_current_locks_are_the_same_listing()
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "T");

        var status = await _esoco.CurrentLocksAsync("/api/status/current_locks");
        var sync = await _esoco.CurrentLocksAsync("/api/sync/current_locks");

        Assert.Equal(sync[context], status[context]);
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("POST", "/info")]
    [InlineData("PUT", "/info")]
    [InlineData("POST", "/ping")]
    [InlineData("POST", "/healthcheck")]
    [InlineData("POST", "/api/status/uptime")]
    [InlineData("PUT", "/api/status/start_date")]
    [InlineData("POST", "/api/status/start-date")]
    [InlineData("POST", "/api/status/current_locks")]
    [InlineData("PUT", "/api/sync/current_locks")]
    public async Task Writes_to_read_only_urls_are_not_acceptable(string method, string path)
    {
        var answer = await _esoco.SendAsync(new HttpMethod(method), path, "true");

        Assert.Equal(406, answer.Status);
    }

    [Theory]
    [InlineData("/api/sync/request_lock")]
    [InlineData("/api/sync/release_lock")]
    [InlineData("/api/sync/check_lock")]
    [InlineData("/API/SYNC/REQUEST-LOCK")]
    public async Task Reading_a_lock_operation_is_not_acceptable(string path)
    {
        var answer = await _esoco.GetAsync(path);

        Assert.Equal(406, answer.Status);
    }

    [Theory]
    [InlineData("/nothing/here")]
    [InlineData("/api/sync/steal_lock")]
    [InlineData("/api/status")]
    [InlineData("/favicon.ico")]
    [InlineData("/api/status/uptime.json")]
    public async Task Reading_an_unknown_url_is_not_found_naming_the_path(string path)
    {
        var answer = await _esoco.GetAsync(path);

        Assert.Equal(404, answer.Status);
        Assert.Equal($"No data at {path}", answer.Body);
    }

    [Theory]
    [InlineData("POST", "/nothing/here")]
    [InlineData("PUT", "/api/sync/steal_lock")]
    [InlineData("POST", "/favicon.ico")]
    [InlineData("POST", "/api/sync/request_lock.json")]
    public async Task Writing_to_an_unknown_url_is_not_acceptable(string method, string path)
    {
        var context = EsocoClient.NewContext();

        var answer = await _esoco.SendAsync(new HttpMethod(method), path, EsocoJson.Lock("A", context, "T"));

        Assert.Equal(406, answer.Status);
        Assert.False(await _esoco.IsLockedAsync(context, "T"));
    }

    [Theory]
    [InlineData("DELETE", "/info")]
    [InlineData("PATCH", "/api/sync/request_lock")]
    [InlineData("DELETE", "/api/sync/release_lock")]
    [InlineData("HEAD", "/ping")]
    [InlineData("OPTIONS", "/api/status/uptime")]
    public async Task Other_http_methods_get_a_status_the_java_client_understands(string method, string path)
    {
        var answer = await _esoco.SendAsync(new HttpMethod(method), path);   // the status check is in SendAsync

        Assert.InRange(answer.Status, 400, 499);
    }
}
