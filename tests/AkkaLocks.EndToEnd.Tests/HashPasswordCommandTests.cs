using System.Diagnostics;

namespace AkkaLocks.EndToEnd.Tests;

/// <summary><c>AkkaLocks.Server hash-password</c> prints a PasswordHash and exits without starting the server.</summary>
public sealed class HashPasswordCommandTests
{
    [Fact]
    public async Task Prints_a_salted_hash_of_the_password_from_standard_input()
    {
        var first = await HashAsync("s3cret");
        var second = await HashAsync("s3cret");

        Assert.Matches("^[A-Za-z0-9+/=]{40,}$", first);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("s3cret", first);
    }

    private static async Task<string> HashAsync(string password)
    {
        var start = new ProcessStartInfo("dotnet", [ServerProcess.ServerDll(), "hash-password"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }
}
