using AkkaLocks.Server.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AkkaLocks.Server.Tests.Auth;

/// <summary>Auto mode: open when the server listens on loopback only, secure as soon as it listens anywhere else.</summary>
public sealed class CredentialsModeResolverTests
{
    [Theory]
    [InlineData(false, "http://127.0.0.1:7962")]
    [InlineData(false, "http://localhost:7962", "http://[::1]:7962")]
    [InlineData(true, "http://0.0.0.0:7962")]
    [InlineData(true, "http://*:7962")]
    [InlineData(true, "http://+:7962")]
    [InlineData(true, "http://127.0.0.1:7962", "https://10.1.2.3:443")]
    [InlineData(true, "http://[::]:7962")]
    public void Auto_is_secure_when_any_address_is_not_loopback(bool secure, params string[] addresses)
    {
        var resolver = new CredentialsModeResolver(Options.Create(new AuthOptions()), new FakeServer(addresses));

        Assert.Equal(secure, resolver.RequiresCredentials(RestSurface.EsocoSync));
        Assert.Equal(secure, resolver.RequiresCredentials(RestSurface.EsocoAdmin));
    }

    [Fact]
    public void Explicit_modes_win_over_the_binding()
    {
        var options = new AuthOptions { EsocoSync = CredentialsMode.Open, EsocoAdmin = CredentialsMode.Secure };
        var resolver = new CredentialsModeResolver(Options.Create(options), new FakeServer("http://127.0.0.1:1"));

        Assert.False(resolver.RequiresCredentials(RestSurface.EsocoSync));
        Assert.True(resolver.RequiresCredentials(RestSurface.EsocoAdmin));
    }

    private sealed class FakeServer : IServer
    {
        public FakeServer(params string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var a in addresses) feature.Addresses.Add(a);
            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() { }
    }
}
