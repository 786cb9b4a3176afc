using System.Net;
using System.Text;
using AkkaLocks.Engine;
using AkkaLocks.Server.Auth;
using AkkaLocks.Server.Hosting;

namespace AkkaLocks.Server.Endpoints.Esoco;

/// <summary>
/// /webapi: the read-only HTML mirror of the service, for a quick look from a browser.
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
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>AkkaLocks</title></head><body>")
            .Append("<h1>AkkaLocks</h1><p>").Append(WebUtility.HtmlEncode(EsocoStatusEndpoints.InfoText(clock))).Append("</p>")
            .Append("<h2>Current locks</h2>");
        if (locks.Count == 0) html.Append("<p>No locks are held.</p>");
        foreach (var context in locks.GroupBy(l => l.Key.Context))
        {
            html.Append("<h3>").Append(WebUtility.HtmlEncode(context.Key)).Append("</h3><table><tr><th>Target</th><th>Holder</th><th>Fencing token</th></tr>");
            foreach (var held in context)
            {
                html.Append("<tr><td>").Append(WebUtility.HtmlEncode(held.Key.Name))
                    .Append("</td><td>").Append(WebUtility.HtmlEncode(EsocoCurrentLocks.HolderText(held)))
                    .Append("</td><td>").Append(held.Holder.FencingToken).Append("</td></tr>");
            }
            html.Append("</table>");
        }
        return Results.Content(html.Append("</body></html>").ToString(), "text/html; charset=utf-8");
    }
}
