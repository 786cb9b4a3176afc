using System.Globalization;
using System.Text;
using System.Text.Json;
using AkkaLocks.Engine;
using AkkaLocks.Engine.Index;

namespace AkkaLocks.Server.Endpoints.Esoco;

/// <summary>
/// esoco's current_locks: an object of contexts, each mapping target to <c>client[ip] (yyyy-MM-dd HH:mm:ss.SSS)</c>
/// in server local time, pretty-printed with no space before a colon (its Java parser needs that).
/// </summary>
internal static class EsocoCurrentLocks
{
    public static async Task<IResult> GetAsync(ILockEngine engine, CancellationToken cancellationToken)
    {
        var locks = await engine.ListAsync(null, cancellationToken);
        return Results.Text(Render(locks), "application/json; charset=utf-8");
    }

    public static string Render(IReadOnlyList<HeldLock> locks)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var context in locks.GroupBy(l => l.Key.Context))
            {
                json.WriteStartObject(context.Key);
                foreach (var held in context) json.WriteString(held.Key.Name, HolderText(held));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string HolderText(HeldLock held) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{held.Holder.Owner}[{held.Holder.ClientAddress}] ({held.Holder.AcquiredAt.ToLocalTime():yyyy-MM-dd HH:mm:ss.fff})");
}
