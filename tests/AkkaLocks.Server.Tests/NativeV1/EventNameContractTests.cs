using AkkaLocks.Contracts;
using AkkaLocks.Engine.Events;

namespace AkkaLocks.Server.Tests.NativeV1;

/// <summary>
/// The SSE <c>event:</c> names are written from the engine's <see cref="LockTransitions"/> and read by clients through
/// the dependency-free <see cref="LockEventTypes"/>: the two lists must stay the same wire contract.
/// </summary>
public sealed class EventNameContractTests
{
    [Fact]
    public void Engine_transition_names_are_exactly_the_contract_event_types()
    {
        var contract = typeof(LockEventTypes).GetFields()
            .Where(f => f.IsLiteral && f.Name != nameof(LockEventTypes.Heartbeat))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(contract.Order(), LockTransitions.All.Order());
    }
}
