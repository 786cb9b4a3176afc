using AkkaLocks.Server.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace AkkaLocks.Server.Auth;

/// <summary>
/// Users, tokens and roles for every surface: one authentication scheme that reads a bearer token or HTTP
/// Basic, the role policies of the REST surfaces, and the Data Protection keys (see <see cref="DataProtectionKeyRing"/>).
/// </summary>
public static class AuthSetup
{
    /// <summary>Bearer token or Basic, whichever the Authorization header carries.</summary>
    public const string Scheme = "AkkaLocks";

    public static IServiceCollection AddAkkaLocksAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<LoginLockout>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<CredentialsModeResolver>();
        services.AddSingleton<IAuthorizationHandler, SurfaceAccessHandler>();
        services.AddSingleton<IAuthorizationHandler, NativeAccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, UnauthorizedInsteadOfForbidden>();
        services.AddHostedService<UserAccountsCheck>();

        // Keys kept where every node of a cluster reads them (DataProtectionKeyRing), so tokens survive a restart and
        // are accepted by any node; chosen when first needed, so tests can point the configuration elsewhere.
        services.AddDataProtection().SetApplicationName("AkkaLocks");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<AkkaLocksServerOptions>, IOptions<AuthOptions>, ILoggerFactory>((keys, server, auth, loggers) =>
                keys.XmlRepository = DataProtectionKeyRing.Repository(server.Value, auth.Value, loggers));

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or Basic", o => o.ForwardDefaultSelector = SchemeOf)
            .AddBearerToken(BearerTokenDefaults.AuthenticationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null);
        services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((bearer, auth) => bearer.BearerTokenExpiration = auth.Value.TokenLifetime);
        services.AddAuthorization(AccessPolicies.Add);
        return services;
    }

    /// <summary>After routing, so authorization sees each endpoint's policy.</summary>
    public static IApplicationBuilder UseAkkaLocksAuth(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization();

    private static string SchemeOf(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? BearerTokenDefaults.AuthenticationScheme
            : BasicAuthenticationHandler.SchemeName;
}
