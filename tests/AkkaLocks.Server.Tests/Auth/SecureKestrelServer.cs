using System.Net.Http.Headers;
using System.Text;
using AkkaLocks.Server.Tests.NativeV1;

namespace AkkaLocks.Server.Tests.Auth;

/// <summary>
/// <see cref="SecureServerFactory"/> (test users, every surface secure) behind real Kestrel on a free local port:
/// the v1 refusals are pinned as a real client receives them, status line, headers and problem body.
/// </summary>
public sealed class SecureKestrelServer : KestrelServer<SecureServerFactory>
{
    /// <summary>v1 calls as <paramref name="user"/> with HTTP Basic, or anonymous when null.</summary>
    internal V1Http As(string? user, string? password = null)
    {
        var http = new HttpClient { BaseAddress = Factory.ClientOptions.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (user is not null)
            http.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return new V1Http(http);
    }
}
