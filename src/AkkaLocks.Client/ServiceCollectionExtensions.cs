using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AkkaLocks.Client;

/// <summary>Registers <see cref="AkkaLocksClient"/> as a typed <see cref="HttpClient"/> with its options.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// <c>services.AddAkkaLocksClient(o => o.BaseAddress = new("http://locks:7962/"))</c>; then inject
    /// <see cref="AkkaLocksClient"/> and call <see cref="AkkaLocksClient.CreateLock"/>.
    /// </summary>
    public static IHttpClientBuilder AddAkkaLocksClient(this IServiceCollection services, Action<AkkaLocksClientOptions> configure)
    {
        services.AddOptions<AkkaLocksClientOptions>()
            .Configure(configure)
            .Validate(o => o.BaseAddress is not null, "AkkaLocksClientOptions.BaseAddress is required.")
            .Validate(o => o.RenewalFraction is > 0 and < 1, "AkkaLocksClientOptions.RenewalFraction must be between 0 and 1.")
            .Validate(o => !o.HasConflictingCredentials, "AkkaLocksClientOptions: set either BearerToken or UserName and Password, not both.")
            .Validate(o => o.EffectiveSafetyMargin < o.Ttl, "AkkaLocksClientOptions.SafetyMargin must be shorter than the TTL.");
        return services.AddHttpClient<AkkaLocksClient>((sp, http) =>
            http.BaseAddress = sp.GetRequiredService<IOptions<AkkaLocksClientOptions>>().Value.BaseAddress);
    }
}
