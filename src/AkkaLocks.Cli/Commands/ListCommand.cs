using System.Text.Json;
using Spectre.Console;

namespace AkkaLocks.Cli.Commands;

/// <summary>-list [-context c]: the held locks, grouped by context.</summary>
internal static class ListCommand
{
    public static async Task<int> RunAsync(Invocation invocation, CancellationToken ct)
    {
        var rows = await invocation.Service.ListAsync(invocation.Context, ct);
        switch (invocation.Format)
        {
            case OutputFormat.Json:
                invocation.Output.WriteLine(JsonSerializer.Serialize(rows.Select(r => new { context = r.Context, target = r.Target, holder = r.Holder })));
                break;
            case OutputFormat.Table:
                WriteTable(invocation.Output, rows);
                break;
            default:
                WriteMssText(invocation, rows);
                break;
        }
        return ExitCodes.Ok;
    }

    /// <summary>The lines mss prints: "Locks for context c:" then "  target: holder".</summary>
    private static void WriteMssText(Invocation invocation, IReadOnlyList<HeldLockRow> rows)
    {
        if (rows.Count == 0)
        {
            invocation.Output.WriteLine(invocation.Context is null ? "No locks" : $"No locks in context {invocation.Context}");
            return;
        }
        foreach (var context in rows.GroupBy(r => r.Context))
        {
            invocation.Output.WriteLine($"Locks for context {context.Key}:");
            foreach (var row in context) invocation.Output.WriteLine($"  {row.Target}: {row.Holder}");
        }
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<HeldLockRow> rows)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;   // not a terminal: do not wrap holders at 80 columns
        var table = new Table().AddColumns("Context", "Target", "Holder");
        foreach (var row in rows) table.AddRow(Markup.Escape(row.Context), Markup.Escape(row.Target), Markup.Escape(row.Holder));
        console.Write(table);
    }
}
