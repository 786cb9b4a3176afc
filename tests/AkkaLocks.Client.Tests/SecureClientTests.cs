using System.Net;

namespace AkkaLocks.Client.Tests;

/// <summary>The client's credentials against a server that requires them: refused without, and a lock taken with them answers to that user.</summary>
public sealed class SecureClientTests(SecureLockServer server) : IClassFixture<SecureLockServer>
{
    [Fact]
    public async Task Basic_credentials_hold_a_lock_that_another_user_cannot_release_and_none_is_refused()
    {
        var locker = server.NewClient(o => (o.UserName, o.Password) = (SecureLockServer.Locker, SecureLockServer.Password));
        var other = server.NewClient(o =>
        {
            (o.UserName, o.Password) = (SecureLockServer.OtherLocker, SecureLockServer.Password);
            o.Context = locker.Options.Context;
        });
        var anonymous = server.NewClient(o => o.Context = locker.Options.Context);

        await using var handle = await locker.CreateLock("job").AcquireAsync(TimeSpan.FromSeconds(5));

        Assert.False(await other.ReleaseAsync(handle.Context, handle.Name, handle.Grant.Handle));
        Assert.NotNull(await locker.GetAsync(handle.Context, handle.Name));
        var refused = await Assert.ThrowsAsync<AkkaLocksApiException>(() => anonymous.GetAsync(handle.Context, handle.Name));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
