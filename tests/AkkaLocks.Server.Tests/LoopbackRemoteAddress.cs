using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace AkkaLocks.Server.Tests;

/// <summary>
/// TestServer has no socket, so its requests come with no remote address; Kestrel gives a local client
/// 127.0.0.1. Setting it first thing makes the in-process server see what a real one would, so tests can
/// check the client address esoco shows in current_locks.
/// </summary>
internal sealed class LoopbackRemoteAddress : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
