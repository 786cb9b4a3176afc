using System.Net.Http.Headers;
using System.Text;

namespace AkkaLocks.Server.Tests.Auth;

/// <summary>HTTP clients that present credentials the ways esoco and native clients do.</summary>
internal static class AuthenticatedHttp
{
    public static HttpClient Basic(AkkaLocksServerFactory server, string user, string password)
    {
        var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }

    public static HttpClient Bearer(AkkaLocksServerFactory server, string token)
    {
        var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
