using System.Text;
using Akka.Actor;
using Akka.Hosting;
using Akka.Serialization;
using AkkaLocks.Core;
using AkkaLocks.Engine.Index;
using AkkaLocks.Engine.Serialization;
using AkkaLocks.Engine.Sharding;

namespace AkkaLocks.Engine.Tests;

/// <summary>Every persisted or remote message binds to the AkkaLocks serializer and survives a round trip.</summary>
public sealed class AkkaLocksSerializerSpecs(ITestOutputHelper output) : Akka.Hosting.TestKit.TestKit(nameof(AkkaLocksSerializerSpecs), output)
{
    private static readonly LockKey Key = new("billing", "invoice-42");
    private static readonly DateTimeOffset At = new(2026, 11, 23, 20, 37, 39, 214, TimeSpan.Zero);
    private static readonly LockHolder Holder = new("A", "0123456789abcdef0123456789abcdef", 7, At, TimeSpan.FromSeconds(30), At.AddSeconds(30), """{"reason":"edit"}""", "127.0.0.1");

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) => builder.WithAkkaLocksSerialization();

    public static TheoryData<object> Messages() =>
    [
        new LockAcquired(Key, "A", 7, At, Holder.Handle, TimeSpan.FromSeconds(30), At.AddSeconds(30), """{"a":1}""", "::1"),
        new LockAcquired(Key, "A", 8, At, Holder.Handle, null, null, null, null),
        new LockExtended(Key, "A", 7, At, TimeSpan.FromMinutes(1), At.AddMinutes(1)),
        new LockReleased(Key, "A", 7, At),
        new LockExpired(Key, "A", 7, At),
        new LockForceReleased(Key, "A", 7, At, ForceReleaseReason.TakeOver),
        new LockState(Key, 7, Holder),
        new LockState(Key, 7, null),
        new LockRequest(Key, new AcquireLock("A", Holder.Handle, TimeSpan.FromSeconds(5), """{"x":true}""", "10.0.0.1", TakeOver: true)),
        new LockRequest(Key, new ExtendLock(Holder.Handle, TimeSpan.FromSeconds(5))),
        new LockRequest(Key, ReleaseLock.ByOwner("A")),
        new LockRequest(Key, new ForceReleaseLock(ForceReleaseReason.Reset)),
        new LockRequest(Key, InspectLock.Instance),
        new Granted(Holder, AlreadyHeld: true),
        new Busy(Holder),
        new Extended(Holder),
        new Released(Holder),
        new NotHeld(null),
        new LockStatus(Key, Holder, 7),
        new Rejected("too big"),
        // Fair waiting and idempotency (added fields and manifests).
        new LockAcquired(Key, "A", 9, At, Holder.Handle, null, null, null, null, RequestId: "req-9"),
        new LockState(Key, 9, Holder, new GrantedRequest("A", "req-9", 9)),
        new LockRequest(Key, new AcquireLock("A", Holder.Handle, null, Wait: TimeSpan.FromSeconds(10), RequestId: "req-10")),
        new LockRequest(Key, new AbandonAcquire(Holder.Handle)),
        new GrantEnded("req-9", 9),
        new Busy(Holder, QueueFull: true),
        // Cluster-wide watchers and the shared index.
        new WaiterQueued(Key, "B", At, 2),
        new WaiterLeft(Key, "B", At, WaiterLeftReason.TimedOut),
        new HeldLockEntry(Holder, 9, At),
        new HeldLockEntry(null, 9, At),
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void Message_round_trips_through_the_akkalocks_serializer(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.IsType<AkkaLocksSerializer>(serializer);

        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        var copy = Sys.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest);

        Assert.Equal(message, copy);
    }

    [Fact]
    public void Persisted_event_format_is_stable()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerFor(new LockReleased(Key, "A", 7, At));
        var stored = """{"Key":{"Context":"billing","Name":"invoice-42"},"Owner":"A","FencingToken":7,"At":"2026-11-23T20:37:39.214+00:00"}"""u8.ToArray();

        var restored = serializer.FromBinary(stored, "lr");

        Assert.Equal(new LockReleased(Key, "A", 7, At), restored);
    }

    [Fact]
    public void Events_and_snapshots_stored_before_waiting_existed_still_read()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerFor(new LockReleased(Key, "A", 7, At));
        var acquired = """{"Key":{"Context":"billing","Name":"invoice-42"},"Owner":"A","FencingToken":7,"At":"2026-11-23T20:37:39.214+00:00","Handle":"h","Ttl":null,"ExpiresAt":null,"Data":null,"ClientAddress":null}"""u8.ToArray();
        var snapshot = """{"Key":{"Context":"billing","Name":"invoice-42"},"LastFencingToken":7,"Holder":null}"""u8.ToArray();

        var restoredEvent = Assert.IsType<LockAcquired>(serializer.FromBinary(acquired, "la"));
        var restoredState = Assert.IsType<LockState>(serializer.FromBinary(snapshot, "s1"));

        Assert.Null(restoredEvent.RequestId);
        Assert.Equal(new LockState(Key, 7, null), restoredState);
    }

    [Fact]
    public void Stored_events_and_snapshots_leave_out_computed_properties_and_absent_fields()
    {
        var serializer = Sys.Serialization.FindSerializerFor(new LockReleased(Key, "A", 7, At));

        var acquired = Encoding.UTF8.GetString(serializer.ToBinary(new LockAcquired(Key, "A", 8, At, "h", null, null, null, null)));
        var snapshot = Encoding.UTF8.GetString(serializer.ToBinary(new LockState(Key, 7, null)));

        Assert.Equal(
            """{"Handle":"h","Key":{"Context":"billing","Name":"invoice-42"},"Owner":"A","FencingToken":8,"At":"2026-11-23T20:37:39.214+00:00"}""",
            acquired);
        Assert.Equal("""{"Key":{"Context":"billing","Name":"invoice-42"},"LastFencingToken":7}""", snapshot);
    }

    [Fact]
    public void Events_and_snapshots_stored_with_computed_properties_still_read()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerFor(new LockReleased(Key, "A", 7, At));
        var released = """{"Key":{"Context":"billing","Name":"invoice-42","EntityId":"billing/invoice-42"},"Owner":"A","FencingToken":7,"At":"2026-11-23T20:37:39.214+00:00"}"""u8.ToArray();
        var snapshot = """{"Key":{"Context":"billing","Name":"invoice-42","EntityId":"billing/invoice-42"},"LastFencingToken":7,"Holder":null,"LastRequest":null,"IsHeld":false}"""u8.ToArray();

        Assert.Equal(new LockReleased(Key, "A", 7, At), serializer.FromBinary(released, "lr"));
        Assert.Equal(new LockState(Key, 7, null), serializer.FromBinary(snapshot, "s1"));
    }
}
