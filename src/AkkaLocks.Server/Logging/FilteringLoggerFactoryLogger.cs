using Akka.Event;
using Akka.Hosting.Logging;

namespace AkkaLocks.Server.Logging;

/// <summary>
/// Akka.Hosting's bridge from Akka logging to .NET logging, honouring the actor system's log filters
/// (<c>ConfigureLoggers(l => l.WithLogFilter(...))</c>), which the bridge itself does not consult (1.5.74).
/// </summary>
public sealed class FilteringLoggerFactoryLogger : LoggerFactoryLogger
{
    protected override bool Receive(object message) =>
        message is LogEvent logEvent && !Context.System.Settings.LogFilter.ShouldTryKeepMessage(logEvent, out _)
            || base.Receive(message);
}
