using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AkkaLocks.Server.Tests.Esoco;

/// <summary>Setting /api/control/run to false stops the service, so this runs on a server of its own that no other test uses.</summary>
public sealed class EsocoRunControlStopTests
{
    [Fact]
    public async Task Run_set_to_false_answers_200_then_stops_the_service_gracefully()
    {
        await using var server = new AkkaLocksServerFactory();
        var esoco = EsocoClient.For(server);
        var lifetime = server.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStopping.Register(stopping.SetResult);

        var answer = await esoco.PostAsync("/api/control/run", "false");

        Assert.Equal(200, answer.Status);
        Assert.Equal("", answer.Body);
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
