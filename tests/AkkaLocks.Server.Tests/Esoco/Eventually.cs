namespace AkkaLocks.Server.Tests.Esoco;

/// <summary>Polls for a condition that becomes true on its own (a TTL running out), with a bounded wait instead of a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (await condition()) return true;
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(100);
        }
    }
}
