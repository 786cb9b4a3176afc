namespace AkkaLocks.Server.Tests.Observability;

/// <summary>/healthcheck runs the real checks: the node is an Up cluster member and the journal answers a query.</summary>
public sealed class HealthCheckTests(AkkaLocksServerFactory server) : IClassFixture<AkkaLocksServerFactory>
{
    [Fact]
    public async Task Healthy_server_answers_true()
    {
        using var client = server.CreateClient();

        var response = await client.GetAsync("/healthcheck");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("true", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Journal_check_queries_the_real_journal()
    {
        var health = (Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService)server.Services
            .GetService(typeof(Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService))!;

        var report = await health.CheckHealthAsync();

        Assert.Equal(["cluster-member-up", "journal"], report.Entries.Keys.Order());
        Assert.All(report.Entries.Values, e => Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, e.Status));
    }
}
