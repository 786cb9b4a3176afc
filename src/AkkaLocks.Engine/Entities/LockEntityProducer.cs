using Akka.Actor;
using AkkaLocks.Core;

namespace AkkaLocks.Engine.Entities;

/// <summary>
/// Creates one lock's actor with a plain constructor call. Sharding builds Props for every entity it starts, and
/// <c>Props.Create(() => new LockEntityActor(...))</c> compiles each argument expression into a delegate on every call:
/// measured, that compilation was most of the CPU time of starting a lock, on the shard's own thread.
/// </summary>
internal sealed class LockEntityProducer(LockKey key, LockEntitySettings settings) : IIndirectActorProducer
{
    public Type ActorType => typeof(LockEntityActor);

    public ActorBase Produce() => new LockEntityActor(key, settings);

    public void Release(ActorBase actor) { }
}
