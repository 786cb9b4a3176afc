namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// One line per nemesis run, in the form docs/safety.md quotes and ./safety.sh greps for
/// (<c>&lt;name&gt; nemesis: &lt;strikes&gt;; &lt;checker report&gt;</c>), followed by any extra findings.
/// </summary>
public sealed record NemesisReport(INemesis Nemesis, TimeSpan Run, CheckReport Check, IReadOnlyList<string>? Notes = null)
{
    public IReadOnlyList<string> Violations => Check.Violations;

    public override string ToString() =>
        $"{Nemesis.Name} nemesis: {Nemesis.Strikes} in {Run.TotalSeconds:0} s; {Check}" +
        string.Concat((Notes ?? []).Select(n => "\n  " + n));
}
