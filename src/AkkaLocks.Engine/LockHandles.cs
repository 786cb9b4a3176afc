using System.Security.Cryptography;

namespace AkkaLocks.Engine;

/// <summary>Mints lock handles: 128 random bits from the OS's CSPRNG, as 32 lowercase hex digits.</summary>
public static class LockHandles
{
    public static string NewHandle() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
