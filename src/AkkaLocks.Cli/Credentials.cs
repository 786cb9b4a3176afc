using System.Net;

namespace AkkaLocks.Cli;

/// <summary>
/// Where the tool's credentials come from, first match wins: -user/-password, then user:password@ in the URL
/// (as esoco's client reads it), then the AKKALOCKS_USER / AKKALOCKS_PASSWORD environment variables.
/// </summary>
internal static class Credentials
{
    public static NetworkCredential? Resolve(string? user, string? password, Uri url, Func<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(user)) return new NetworkCredential(user, password ?? environment("AKKALOCKS_PASSWORD") ?? "");
        if (url.UserInfo is { Length: > 0 } userInfo)
        {
            var split = userInfo.IndexOf(':');
            return split < 0
                ? new NetworkCredential(Uri.UnescapeDataString(userInfo), "")
                : new NetworkCredential(Uri.UnescapeDataString(userInfo[..split]), Uri.UnescapeDataString(userInfo[(split + 1)..]));
        }
        return environment("AKKALOCKS_USER") is { Length: > 0 } fromEnvironment
            ? new NetworkCredential(fromEnvironment, environment("AKKALOCKS_PASSWORD") ?? "")
            : null;
    }
}
