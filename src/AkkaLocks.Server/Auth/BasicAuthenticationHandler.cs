using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AkkaLocks.Server.Auth;

/// <summary>
/// HTTP Basic against <see cref="UserDirectory"/> (with its lockout): esoco's Java client sends it when the
/// service URL carries user:password@. No header means no result, so open surfaces stay anonymous.
/// </summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserDirectory users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !SchemeName.Equals(header.Scheme, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (Decode(header.Parameter) is not var (user, password))
            return Task.FromResult(AuthenticateResult.Fail("Malformed Basic credentials."));
        return Task.FromResult(users.Login(user, password) switch
        {
            LoginResult.Succeeded s => AuthenticateResult.Success(new AuthenticationTicket(s.User, Scheme.Name)),
            LoginResult.LockedOut => AuthenticateResult.Fail("The user is locked out after too many failed logins."),
            _ => AuthenticateResult.Fail("Invalid user name or password."),
        });
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"AkkaLocks\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    private static (string User, string Password)? Decode(string? parameter)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(parameter ?? ""));
            var colon = text.IndexOf(':');
            return colon > 0 ? (text[..colon], text[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
