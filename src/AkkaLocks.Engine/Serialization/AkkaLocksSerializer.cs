using System.Collections.Frozen;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Akka.Actor;
using Akka.Serialization;
using AkkaLocks.Core;
using AkkaLocks.Engine.Index;
using AkkaLocks.Engine.Sharding;

namespace AkkaLocks.Engine.Serialization;

/// <summary>
/// JSON for every message that is persisted or crosses the network. A manifest names each type; manifests
/// of persisted types (events, snapshots) are the on-disk format: never rename one, add new ones instead,
/// and only add fields (with defaults) to the records behind them.
/// </summary>
public sealed class AkkaLocksSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int SerializerId = 5627;

    private static readonly FrozenDictionary<string, Type> TypesByManifest = new Dictionary<string, Type>
    {
        // Persisted: the journal and snapshot format.
        ["la"] = typeof(LockAcquired),
        ["le"] = typeof(LockExtended),
        ["lr"] = typeof(LockReleased),
        ["lx"] = typeof(LockExpired),
        ["lf"] = typeof(LockForceReleased),
        ["s1"] = typeof(LockState),
        // On the wire between nodes only.
        ["rq"] = typeof(LockRequest),
        ["ws"] = typeof(WakeShard),
        ["g"] = typeof(Granted),
        ["b"] = typeof(Busy),
        ["e"] = typeof(Extended),
        ["r"] = typeof(Released),
        ["n"] = typeof(NotHeld),
        ["st"] = typeof(LockStatus),
        ["rj"] = typeof(Rejected),
        ["ge"] = typeof(GrantEnded),
        ["wq"] = typeof(WaiterQueued),
        ["wl"] = typeof(WaiterLeft),
        ["hx"] = typeof(HeldLockEntry),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<Type, string> ManifestsByType =
        TypesByManifest.ToFrozenDictionary(p => p.Value, p => p.Key);

    // Every event is written once per transition and kept until compaction: computed properties (a key's EntityId, a
    // state's IsHeld) and absent optional fields took a fifth of a stored event and half a snapshot. Rows written with them still read:
    // an unknown property is skipped, and an absent one reads as null, the default of every optional field here.
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DescribeCommandHierarchy, OmitComputedProperties } },
    };

    public override int Identifier => SerializerId;

    public override string Manifest(object o) =>
        ManifestsByType.TryGetValue(o.GetType(), out var manifest)
            ? manifest
            : throw new ArgumentException($"{o.GetType()} has no AkkaLocks manifest.", nameof(o));

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Json);

    public override object FromBinary(byte[] bytes, string manifest) =>
        TypesByManifest.TryGetValue(manifest, out var type)
            ? JsonSerializer.Deserialize(bytes, type, Json)!
            : throw new SerializationException($"Unknown AkkaLocks manifest '{manifest}'.");

    /// <summary>A property with neither a setter nor a constructor parameter is derived from the others: reading could not set it anyway.</summary>
    private static void OmitComputedProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i] is { Set: null, AssociatedParameter: null }) info.Properties.RemoveAt(i);
        }
    }

    /// <summary>Commands travel inside <see cref="LockRequest"/>, so their concrete type is written as a discriminator.</summary>
    private static void DescribeCommandHierarchy(JsonTypeInfo info)
    {
        if (info.Type != typeof(LockCommand)) return;
        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            DerivedTypes =
            {
                new JsonDerivedType(typeof(AcquireLock), "acquire"),
                new JsonDerivedType(typeof(ExtendLock), "extend"),
                new JsonDerivedType(typeof(ReleaseLock), "release"),
                new JsonDerivedType(typeof(ForceReleaseLock), "force"),
                new JsonDerivedType(typeof(ExpireLock), "expire"),
                new JsonDerivedType(typeof(InspectLock), "inspect"),
                new JsonDerivedType(typeof(AbandonAcquire), "abandon"),
                new JsonDerivedType(typeof(ExpireWaiters), "expire-waiters"),
            },
        };
    }
}
