using System.Globalization;
using System.Net;
using System.Text;
using AkkaLocks.Engine;
using AkkaLocks.Engine.Index;
using AkkaLocks.Server.Auth;
using AkkaLocks.Server.Hosting;

namespace AkkaLocks.Server.Endpoints.Esoco;

/// <summary>
/// /webapi: the service's page. The server renders the held locks (so it reads without JavaScript, as esoco's
/// read-only mirror did); wwwroot/webapi/dashboard.js then keeps it live from the v1 API and its event stream.
/// Every method answers the page and changes nothing, as in the original.
/// </summary>
internal static class EsocoWebView
{
    private static readonly string[] AllMethods = ["GET", "POST", "PUT"];

    public static void MapEsocoWebView(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/webapi", AllMethods, RenderAsync).RequireAuthorization(AccessPolicies.EsocoMonitor);
        app.MapMethods("/webapi/{**section}", AllMethods, RenderAsync).RequireAuthorization(AccessPolicies.EsocoMonitor);
    }

    private static async Task<IResult> RenderAsync(ILockEngine engine, ServiceClock clock, CancellationToken cancellationToken)
    {
        var locks = await engine.ListAsync(null, cancellationToken);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>AkkaLocks</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<link rel=\"stylesheet\" href=\"/webapi/dashboard.css\"><script src=\"/webapi/dashboard.js\" defer></script></head><body>")
            .Append("<header><h1>AkkaLocks</h1>")
            .Append("<span class=\"fact\">node <b>").Append(WebUtility.HtmlEncode(Environment.MachineName)).Append("</b></span>")
            .Append("<span class=\"fact\">started <b id=\"start-date\">").Append(clock.StartedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("</b></span>")
            .Append("<span class=\"fact\">up <b id=\"uptime\">").Append(EsocoStatusEndpoints.UptimeText(clock.Uptime)).Append("</b></span>")
            .Append("<span class=\"fact\">held <b id=\"held-count\">").Append(locks.Count).Append("</b></span>")
            .Append("<span class=\"fact\">events <b id=\"connection\" data-state=\"off\">not live</b></span></header>")
            .Append("<main><section><h2>Held locks</h2><div id=\"locks\">");
        AppendLocks(html, locks);
        return Results.Content(html
            .Append("</div></section><section><h2>Live events</h2><ul id=\"feed\"></ul></section></main></body></html>")
            .ToString(), "text/html; charset=utf-8");
    }

    private static void AppendLocks(StringBuilder html, IReadOnlyList<HeldLock> locks)
    {
        if (locks.Count == 0) html.Append("<p class=\"empty\">No locks are held.</p>");
        foreach (var context in locks.GroupBy(l => l.Key.Context))
        {
            html.Append("<h3>").Append(WebUtility.HtmlEncode(context.Key)).Append("</h3><table class=\"locks\"><thead><tr><th>Lock</th><th>Holder</th><th>Fencing token</th></tr></thead><tbody>");
            foreach (var held in context)
            {
                html.Append("<tr data-lock=\"").Append(WebUtility.HtmlEncode(held.Key.EntityId)).Append("\"><td>").Append(WebUtility.HtmlEncode(held.Key.Name))
                    .Append("</td><td>").Append(WebUtility.HtmlEncode(EsocoCurrentLocks.HolderText(held)))
                    .Append("</td><td>").Append(held.Holder.FencingToken).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
    }
}
