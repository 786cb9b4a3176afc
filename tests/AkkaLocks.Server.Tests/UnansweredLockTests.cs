using System.Net;
using System.Text;
using Akka.Actor;
using AkkaLocks.Core;
using AkkaLocks.Engine;
using AkkaLocks.Engine.Index;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaLocks.Server.Tests;

/// <summary>
/// A lock whose actor does not answer in time (its shard is moving to another node) gets a retryable answer on
/// every surface, never a bare 500 from the exception handler.
/// </summary>
public sealed class UnansweredLockTests : IClassFixture<UnansweredLockTests.UnansweringServerFactory>
{
    private readonly HttpClient _http;

    public UnansweredLockTests(UnansweringServerFactory factory) => _http = factory.CreateClient();

    [Fact]
    public async Task Native_acquire_is_answered_503_with_retry_after_and_a_problem_body()
    {
        using var response = await _http.PutAsync("/v1/locks/ctx/name", Json("""{"owner":"a"}"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("retry", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Esoco_request_lock_is_answered_500_with_a_text_body_its_clients_know()
    {
        using var response = await _http.PostAsync("/api/sync/request_lock", Json("""{"client":"a","context":"c","target":"t"}"""));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("retry", await response.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public sealed class UnansweringServerFactory : AkkaLocksServerFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<ILockEngine, UnansweringLockEngine>();
    }

    /// <summary>Every lock times out, as when its shard is being handed over.</summary>
    private sealed class UnansweringLockEngine : ILockEngine
    {
        public Task<LockReply> AcquireAsync(LockKey key, AcquireRequest request, CancellationToken cancellationToken = default) => TimeOut<LockReply>();
        public Task<LockReply> ExtendAsync(LockKey key, string handle, TimeSpan ttl, string? user = null, CancellationToken cancellationToken = default) => TimeOut<LockReply>();
        public Task<LockReply> ReleaseAsync(LockKey key, ReleaseLock release, CancellationToken cancellationToken = default) => TimeOut<LockReply>();
        public Task<LockReply> ForceReleaseAsync(LockKey key, ForceReleaseReason reason = ForceReleaseReason.Admin, CancellationToken cancellationToken = default) => TimeOut<LockReply>();
        public Task<LockStatus> InspectAsync(LockKey key, CancellationToken cancellationToken = default) => TimeOut<LockStatus>();
        public Task<IReadOnlyList<HeldLock>> ListAsync(string? context = null, CancellationToken cancellationToken = default) => TimeOut<IReadOnlyList<HeldLock>>();
        public Task<int> ResetAsync(string? context = null, CancellationToken cancellationToken = default) => TimeOut<int>();

        private static Task<T> TimeOut<T>() => Task.FromException<T>(new AskTimeoutException("Timeout after 00:00:10 seconds"));
    }
}
