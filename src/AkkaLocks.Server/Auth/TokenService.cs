using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace AkkaLocks.Server.Auth;

/// <summary>
/// Issues and checks the tokens of every surface with ASP.NET Core's bearer token format (a Data Protection
/// protected ticket): JSON-RPC passes them as a parameter, REST as <c>Authorization: Bearer</c>, and the
/// framework's bearer handler accepts exactly what this issues. Keys live in the data directory, so tokens
/// survive a restart; an expired or forged token is refused.
/// </summary>
public sealed class TokenService(IOptionsMonitor<BearerTokenOptions> bearer, IOptions<AuthOptions> options, TimeProvider time)
{
    public IssuedToken Issue(ClaimsPrincipal user)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires };
        var ticket = new AuthenticationTicket(user, properties, BearerTokenDefaults.AuthenticationScheme);
        return new IssuedToken(Protector.Protect(ticket), expires);
    }

    /// <summary>The token's user, or null when the token is missing, forged, from other keys, or expired.</summary>
    public ClaimsPrincipal? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        AuthenticationTicket? ticket;
        try
        {
            ticket = Protector.Unprotect(token);
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires) return null;
        return ticket.Principal.Identity?.IsAuthenticated == true ? ticket.Principal : null;
    }

    private ISecureDataFormat<AuthenticationTicket> Protector =>
        bearer.Get(BearerTokenDefaults.AuthenticationScheme).BearerTokenProtector;
}
