using System.Diagnostics;

namespace AkkaLocks.EndToEnd.Tests;

/// <summary>A fact that needs python3 on the PATH; skipped, saying so, on a machine without it.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            process!.WaitForExit(10_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public PythonFactAttribute()
    {
        if (!Available.Value) Skip = "python3 is not on the PATH: the DMSContainer Python samples cannot run here.";
    }
}
