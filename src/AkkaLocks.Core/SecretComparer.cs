using System.Security.Cryptography;
using System.Text;

namespace AkkaLocks.Core;

/// <summary>Compares secrets (lock handles) in time independent of where they differ, so timing leaks nothing.</summary>
public static class SecretComparer
{
    public static bool AreEqual(string? presented, string expected) =>
        presented is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
