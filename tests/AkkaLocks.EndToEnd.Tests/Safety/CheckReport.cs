namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>What the checker found in a history.</summary>
public sealed record CheckReport(int OperationsChecked, int Grants, IReadOnlyList<string> Violations)
{
    public override string ToString() =>
        $"{OperationsChecked} operations checked, {Grants} grants, {Violations.Count} violations" +
        string.Concat(Violations.Take(20).Select(v => "\n  " + v));
}
