using Akka.Serialization;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>An event or snapshot as stored: Akka's serializer id and manifest beside the bytes, so any serializer round-trips.</summary>
internal readonly record struct StoredPayload(int SerializerId, string Manifest, byte[] Bytes)
{
    public static StoredPayload Of(Serialization serialization, object payload)
    {
        var serializer = serialization.FindSerializerFor(payload);
        return new StoredPayload(serializer.Identifier, Serialization.ManifestFor(serializer, payload), serializer.ToBinary(payload));
    }

    public object Restore(Serialization serialization) => serialization.Deserialize(Bytes, SerializerId, Manifest);
}
