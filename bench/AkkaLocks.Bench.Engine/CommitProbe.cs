using System.Diagnostics.Metrics;
using AkkaLocks.Persistence.Sqlite;

namespace AkkaLocks.Bench.Engine;

/// <summary>
/// Listens to the journal's own meter (<see cref="JournalMetrics"/>) while a scenario is measured: how many SQLite
/// commits it took, how many journal requests each carried (group commit at work) and how long each took on average.
/// </summary>
internal sealed class CommitProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _commits;
    private long _writes;
    private double _seconds;
    private volatile bool _recording;

    public CommitProbe()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == JournalMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        // The journal's meter has one instrument of each type: writes per commit (int) and commit duration in seconds (double).
        _listener.SetMeasurementEventCallback<int>((_, writes, _, _) =>
        {
            if (!_recording) return;
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _writes, writes);
        });
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            if (_recording) lock (_listener) _seconds += seconds;
        });
        _listener.Start();
    }

    public void Start() => _recording = true;

    public CommitFigures Stop()
    {
        _recording = false;
        var commits = Interlocked.Read(ref _commits);
        lock (_listener)
            return new CommitFigures(commits, commits == 0 ? 0 : (double)Interlocked.Read(ref _writes) / commits, commits == 0 ? 0 : _seconds * 1000 / commits);
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>Commits of one measured scenario: how many, journal requests per commit, mean commit time.</summary>
internal sealed record CommitFigures(long Commits, double WritesPerCommit, double MeanCommitMs);
