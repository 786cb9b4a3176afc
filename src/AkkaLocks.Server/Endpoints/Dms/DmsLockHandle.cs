using System.Buffers.Text;
using System.Text;
using AkkaLocks.Core;

namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>
/// The handle DMS clients get from TryAcquireLock. ReleaseLock and ExtendLock carry no identifier, but the
/// engine finds a lock by its key, so the wire handle carries both: the engine's 128-bit random handle and
/// the identifier, as <c>{32 hex digits}.{base64url(identifier)}</c>. Pure translation: holdership is still
/// proven by the engine's handle (and the user) alone.
/// </summary>
public static class DmsLockHandle
{
    private const int EngineHandleLength = 32;

    public static string Encode(string identifier, string engineHandle) =>
        engineHandle + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(identifier));

    /// <summary>False for anything this server did not make (wrong shape, bad encoding, invalid identifier).</summary>
    public static bool TryDecode(string wire, out string identifier, out string engineHandle)
    {
        identifier = engineHandle = "";
        if (wire.Length < EngineHandleLength + 2 || wire[EngineHandleLength] != '.') return false;
        var handle = wire[..EngineHandleLength];
        if (!handle.All(char.IsAsciiHexDigitLower)) return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(wire.AsSpan(EngineHandleLength + 1)));
        }
        catch (FormatException)
        {
            return false;
        }
        if (!IdentifierRules.IsValid(decoded)) return false;
        identifier = decoded;
        engineHandle = handle;
        return true;
    }
}
