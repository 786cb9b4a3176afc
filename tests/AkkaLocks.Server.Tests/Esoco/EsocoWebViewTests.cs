namespace AkkaLocks.Server.Tests.Esoco;

/// <summary>/webapi: a read-only HTML view of the service; no request to it changes a lock.</summary>
public sealed class EsocoWebViewTests(AkkaLocksServerFactory server) : IClassFixture<AkkaLocksServerFactory>
{
    private readonly EsocoClient _esoco = EsocoClient.For(server);

    [Theory]
    [InlineData("/webapi")]
    [InlineData("/webapi/status")]
    [InlineData("/webapi/sync")]
    [InlineData("/webapi/control")]
    [InlineData("/WebApi/Sync")]
    public async Task Web_view_is_an_html_page_listing_held_locks(string path)
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("web-client", context, "T-web");

        var answer = await _esoco.GetAsync(path);

        Assert.Equal(200, answer.Status);
        Assert.Equal("text/html", answer.MediaType);
        Assert.Contains(context, answer.Body);
        Assert.Contains("T-web", answer.Body);
        Assert.Contains("web-client[127.0.0.1]", answer.Body);
    }

    [Fact]
    public async Task Posting_lock_requests_to_the_web_view_changes_nothing()
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("A", context, "T");
        var before = await _esoco.CurrentLocksAsync();

        var acquire = await _esoco.PostAsync("/webapi/sync", EsocoJson.Lock("B", context, "T2"));
        var takeOver = await _esoco.PostAsync("/webapi/sync", EsocoJson.Lock("B", context, "T", force: true));
        var release = await _esoco.SendAsync(HttpMethod.Put, "/webapi/sync", EsocoJson.Lock("A", context, "T", force: true));
        var after = await _esoco.CurrentLocksAsync();

        Assert.Equal([200, 200, 200], [acquire.Status, takeOver.Status, release.Status]);
        Assert.Equal(before[context], after[context]);
        Assert.False(await _esoco.IsLockedAsync(context, "T2"));
        Assert.StartsWith("A[", after[context]["T"]);
    }

    [Fact]
    public async Task Web_view_escapes_client_ids_as_html()
    {
        var context = EsocoClient.NewContext();
        await _esoco.RequestLockAsync("<script>alert(1)</script>", context, "T");

        var answer = await _esoco.GetAsync("/webapi/status");

        Assert.DoesNotContain("<script>", answer.Body);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;[127.0.0.1]", answer.Body);
    }
}
