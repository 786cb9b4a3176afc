namespace AkkaLocks.LoadGen;

/// <summary>One target under one workload with one worker count: the figures of a row of the report.</summary>
internal sealed record ScenarioResult(
    string Target,
    bool IsSubject,
    string Workload,
    int Workers,
    double Seconds,
    long Cycles,
    double CyclesPerSecond,
    double BusyPerSecond,
    LatencySummary Acquire,
    LatencySummary Release,
    long Errors,
    int MaxHolders,
    string? FirstError);
