using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AkkaLocks.Server.Auth;

/// <summary>
/// Settles <see cref="CredentialsMode.Auto"/>: a server reachable only through loopback is a developer's
/// (open, like the original esoco service); one bound to any other address is secure.
/// </summary>
public sealed class CredentialsModeResolver(IOptions<AuthOptions> options, IServer server)
{
    private bool? _loopbackOnly;

    public bool RequiresCredentials(RestSurface surface)
    {
        var mode = surface == RestSurface.EsocoSync ? options.Value.EsocoSync : options.Value.EsocoAdmin;
        return mode switch
        {
            CredentialsMode.Open => false,
            CredentialsMode.Secure => true,
            _ => !(_loopbackOnly ??= ListensOnLoopbackOnly()),
        };
    }

    /// <summary>Read once serving started; an in-process test server has no addresses and counts as loopback.</summary>
    private bool ListensOnLoopbackOnly()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.All(IsLoopback);
    }

    private static bool IsLoopback(string address)
    {
        var host = BindingAddressHost(address);
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    private static string BindingAddressHost(string address)
    {
        var start = address.IndexOf("://", StringComparison.Ordinal);
        var rest = start >= 0 ? address[(start + 3)..] : address;
        var end = rest.StartsWith('[') ? rest.IndexOf(']') + 1 : rest.IndexOfAny([':', '/']);
        return end > 0 ? rest[..end] : rest;
    }
}
