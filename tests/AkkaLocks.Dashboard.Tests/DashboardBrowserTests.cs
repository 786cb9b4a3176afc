using System.Net.Http.Json;
using System.Text.Json;
using AkkaLocks.Server.Tests;
using Microsoft.Playwright;

namespace AkkaLocks.Dashboard.Tests;

/// <summary>The live /webapi page, in headless chromium, follows locks taken and released through the API.</summary>
public sealed class DashboardBrowserTests(AkkaLocksKestrelServer server, BrowserFixture browser)
    : IClassFixture<AkkaLocksKestrelServer>, IClassFixture<BrowserFixture>
{
    private static readonly float Bounded = 10_000;   // ms a pushed change may take to show

    [ChromiumFact]
    public async Task Lock_acquired_through_the_api_appears_live_and_vanishes_when_released()
    {
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, "/webapi").ToString());
        await page.Locator("#connection[data-state='live']").WaitForAsync(new() { Timeout = Bounded });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var granted = await AcquireAsync(http, "dashboard", "invoice-42", "alice");
        var row = page.Locator("tr[data-lock='dashboard/invoice-42']");
        await row.WaitForAsync(new() { Timeout = Bounded });

        Assert.Contains("alice", await row.InnerTextAsync());
        Assert.Contains(granted.GetProperty("fencingToken").GetInt64().ToString(), await row.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("dashboard-with-lock.png"), FullPage = true });

        var release = await http.DeleteAsync($"/v1/locks/dashboard/invoice-42?handle={granted.GetProperty("handle").GetString()}");
        release.EnsureSuccessStatusCode();
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = Bounded });

        Assert.Contains("released", await page.Locator("#feed").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("dashboard-after-release.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task Page_lists_locks_held_before_it_was_opened_with_their_ttl_counting_down()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        await AcquireAsync(http, "dashboard", "report-7", "bob", ttlMs: 120_000);

        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, "/webapi").ToString());
        var ttl = page.Locator("tr[data-lock='dashboard/report-7'] td.ttl");
        await ttl.WaitForAsync(new() { Timeout = Bounded });

        Assert.Matches(@"^\d+m \d+s$", await ttl.InnerTextAsync());
    }

    private static async Task<JsonElement> AcquireAsync(HttpClient http, string context, string name, string owner, long ttlMs = 60_000)
    {
        var response = await http.PutAsJsonAsync($"/v1/locks/{context}/{name}", new { owner, ttlMs, data = new { note = "from the browser test" } });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Screenshots are kept as test artifacts under TestResults/ beside the test output.</summary>
    private static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
