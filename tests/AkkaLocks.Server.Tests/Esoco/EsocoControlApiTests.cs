namespace AkkaLocks.Server.Tests.Esoco;

/// <summary>
/// /api/control: the log level and the run switch (run = false, which stops the service, is in
/// <see cref="EsocoRunControlStopTests"/> on a server of its own). The log level belongs to the server,
/// so every test that changes it sets INFO back.
/// </summary>
public sealed class EsocoControlApiTests(AkkaLocksServerFactory server) : IClassFixture<AkkaLocksServerFactory>
{
    private const string LogLevel = "/api/control/log_level";

    private readonly EsocoClient _esoco = EsocoClient.For(server);

    [Fact]
    public async Task Log_level_is_info_at_start()
    {
        var answer = await _esoco.GetAsync(LogLevel);

        Assert.Equal(200, answer.Status);
        Assert.Equal("\"INFO\"", answer.Body);
    }

    [Fact]
    public async Task Log_level_set_in_any_case_reads_back_in_upper_case()
    {
        try
        {
            var set = await _esoco.PostAsync(LogLevel, "\"debug\"");
            var read = await _esoco.GetAsync(LogLevel);

            Assert.Equal(200, set.Status);
            Assert.Equal("", set.Body);
            Assert.Equal("\"DEBUG\"", read.Body);
        }
        finally
        {
            await RestoreInfoAsync();
        }
    }

    [Theory]
    [InlineData("POST", "trace", "TRACE")]
    [InlineData("PUT", "Debug", "DEBUG")]
    [InlineData("POST", "info", "INFO")]
    [InlineData("PUT", "wArN", "WARN")]
    [InlineData("POST", "ERROR", "ERROR")]
    [InlineData("POST", "fatal", "FATAL")]
    public async Task Every_esoco_log_level_can_be_set_with_post_or_put(string method, string sent, string readBack)
    {
        try
        {
            var set = await _esoco.SendAsync(new HttpMethod(method), LogLevel, EsocoJson.Quote(sent));

            Assert.Equal(200, set.Status);
            Assert.Equal(EsocoJson.Quote(readBack), (await _esoco.GetAsync(LogLevel)).Body);
        }
        finally
        {
            await RestoreInfoAsync();
        }
    }

    [Fact]
    public async Task Unknown_log_level_is_a_bad_request_naming_it_and_changes_nothing()
    {
        var answer = await _esoco.PostAsync(LogLevel, "\"LOUD\"");

        Assert.Equal(400, answer.Status);
        Assert.Equal("Undefined log level: LOUD", answer.Body);
        Assert.Equal("\"INFO\"", (await _esoco.GetAsync(LogLevel)).Body);
    }

    [Theory]
    [InlineData("DEBUG")]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("[\"DEBUG\"]")]
    public async Task Log_level_that_is_not_a_json_string_is_not_acceptable_and_changes_nothing(string body)
    {
        var answer = await _esoco.PostAsync(LogLevel, body);

        Assert.Equal(406, answer.Status);
        Assert.Equal("\"INFO\"", (await _esoco.GetAsync(LogLevel)).Body);
    }

    [Fact]
    public async Task Run_reads_true()
    {
        var answer = await _esoco.GetAsync("/api/control/run");

        Assert.Equal(200, answer.Status);
        Assert.Equal("true", answer.Body);
    }

    [Fact]
    public async Task Run_set_to_true_is_accepted_and_the_service_keeps_serving()
    {
        var context = EsocoClient.NewContext();

        var answer = await _esoco.PostAsync("/api/control/run", "true");

        Assert.Equal(200, answer.Status);
        Assert.Equal("", answer.Body);
        Assert.Equal("true", (await _esoco.GetAsync("/ping")).Body);
        Assert.Equal(200, (await _esoco.RequestLockAsync("A", context, "T")).Status);
    }

    [Theory]
    [InlineData("\"false\"")]
    [InlineData("0")]
    public async Task Run_set_to_anything_but_a_boolean_is_refused_and_the_service_keeps_serving(string body)
    {
        var answer = await _esoco.PostAsync("/api/control/run", body);

        Assert.Equal(400, answer.Status);
        Assert.Equal("true", (await _esoco.GetAsync("/ping")).Body);
    }

    private async Task RestoreInfoAsync() => Assert.Equal(200, (await _esoco.PostAsync(LogLevel, "\"INFO\"")).Status);
}
