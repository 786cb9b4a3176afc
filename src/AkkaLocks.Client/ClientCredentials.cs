using System.Net.Http.Headers;
using System.Text;

namespace AkkaLocks.Client;

/// <summary>The Authorization header the options ask for: a bearer token, HTTP Basic, or none.</summary>
internal static class ClientCredentials
{
    public static AuthenticationHeaderValue? HeaderOf(AkkaLocksClientOptions options)
    {
        if (options.HasConflictingCredentials)
            throw new InvalidOperationException("AkkaLocksClientOptions: set either BearerToken or UserName and Password, not both.");
        if (options.BearerToken is { } token) return new AuthenticationHeaderValue("Bearer", token);
        if (options.UserName is { } user) return new AuthenticationHeaderValue("Basic", Basic(user, options.Password ?? ""));
        return null;
    }

    // RFC 7617 with UTF-8, the charset the server announces in its challenge.
    private static string Basic(string user, string password) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
}
