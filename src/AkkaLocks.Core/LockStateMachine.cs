namespace AkkaLocks.Core;

/// <summary>
/// The lock semantics, as two pure functions: <see cref="Decide"/> turns a command into events and a reply,
/// <see cref="Apply"/> folds an event into the state. Time comes in as <c>now</c>, so tests and the actor's
/// (possibly virtual) clock drive it alike.
/// </summary>
public static class LockStateMachine
{
    public static LockDecision Decide(LockState state, LockCommand command, DateTimeOffset now)
    {
        if (LockCommandRules.Check(command) is { } violation) return LockDecision.Answer(new Rejected(violation));

        // A holder past its deadline has lost the lock, even if its expiry timer has not fired yet:
        // that lapse is recorded first, so no command ever sees an expired holder.
        if (state.Holder is { } holder && !holder.IsLiveAt(now))
        {
            var lapse = new LockExpired(state.Key, holder.Owner, holder.FencingToken, now);
            return DecideLive(Apply(state, lapse), command, now).After(lapse);
        }
        return DecideLive(state, command, now);
    }

    public static LockState Apply(LockState state, LockEvent @event) => @event switch
    {
        LockAcquired a => state with
        {
            LastFencingToken = Math.Max(state.LastFencingToken, a.FencingToken),
            Holder = a.ToHolder(),
            LastRequest = a.RequestId is { } id ? new GrantedRequest(a.Owner, id, a.FencingToken) : state.LastRequest,
        },
        LockExtended x when state.Holder is { } h => state with { Holder = h with { Ttl = x.Ttl, ExpiresAt = x.ExpiresAt } },
        LockReleased or LockExpired or LockForceReleased => state with { Holder = null },
        _ => state,
    };

    private static LockDecision DecideLive(LockState state, LockCommand command, DateTimeOffset now) => command switch
    {
        AcquireLock acquire => DecideAcquire(state, acquire, now),
        ExtendLock extend => DecideExtend(state, extend, now),
        ReleaseLock release => DecideRelease(state, release, now),
        ForceReleaseLock force => DecideForceRelease(state, force.Reason, now),
        ExpireLock or InspectLock or ExpireWaiters => LockDecision.Answer(StatusOf(state)),
        AbandonAcquire abandon => DecideRelease(state, new ReleaseLock(abandon.Handle, null, state.Holder?.User), now),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown lock command."),
    };

    private static LockDecision DecideAcquire(LockState state, AcquireLock acquire, DateTimeOffset now)
    {
        if (state.Holder is not { } holder) return Grant(state, acquire, now);
        // The same owner gets its grant back (with the handle) only as the same user, so an owner id alone
        // never reveals another user's handle.
        if (holder.Owner == acquire.Owner && holder.User == acquire.User) return LockDecision.Answer(new Granted(holder, AlreadyHeld: true));
        if (!acquire.TakeOver) return LockDecision.Answer(new Busy(holder));

        var takenFrom = new LockForceReleased(state.Key, holder.Owner, holder.FencingToken, now, ForceReleaseReason.TakeOver);
        return Grant(Apply(state, takenFrom), acquire, now).After(takenFrom);
    }

    private static LockDecision Grant(LockState state, AcquireLock acquire, DateTimeOffset now)
    {
        var acquired = new LockAcquired(
            state.Key, acquire.Owner, state.LastFencingToken + 1, now,
            acquire.NewHandle, acquire.Ttl, now + acquire.Ttl, acquire.Data, acquire.ClientAddress, acquire.User, acquire.RequestId);
        return LockDecision.Change(new Granted(Apply(state, acquired).Holder!, AlreadyHeld: false), acquired);
    }

    private static LockDecision DecideExtend(LockState state, ExtendLock extend, DateTimeOffset now)
    {
        if (state.Holder is not { } holder || !holder.IsProvenBy(extend.Handle, extend.User))
            return LockDecision.Answer(new NotHeld(state.Holder));

        var extended = new LockExtended(state.Key, holder.Owner, holder.FencingToken, now, extend.Ttl, now + extend.Ttl);
        return LockDecision.Change(new Extended(Apply(state, extended).Holder!), extended);
    }

    private static LockDecision DecideRelease(LockState state, ReleaseLock release, DateTimeOffset now)
    {
        if (state.Holder is not { } holder || !release.IsProvenBy(holder))
            return LockDecision.Answer(new NotHeld(state.Holder));

        return LockDecision.Change(new Released(holder), new LockReleased(state.Key, holder.Owner, holder.FencingToken, now));
    }

    private static LockDecision DecideForceRelease(LockState state, ForceReleaseReason reason, DateTimeOffset now)
    {
        if (state.Holder is not { } holder) return LockDecision.Answer(new NotHeld(null));

        var forced = new LockForceReleased(state.Key, holder.Owner, holder.FencingToken, now, reason);
        return LockDecision.Change(new Released(holder), forced);
    }

    private static LockStatus StatusOf(LockState state) => new(state.Key, state.Holder, state.LastFencingToken);
}
