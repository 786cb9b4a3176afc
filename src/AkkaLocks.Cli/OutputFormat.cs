namespace AkkaLocks.Cli;

/// <summary>How results are written: mss's own text, a table for people, or JSON for scripts.</summary>
public enum OutputFormat
{
    MssText,
    Table,
    Json,
}
