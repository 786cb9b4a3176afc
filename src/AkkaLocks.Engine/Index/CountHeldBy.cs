namespace AkkaLocks.Engine.Index;

/// <summary>Asks the index how many locks <paramref name="Owner"/> holds; answered with <see cref="HeldCount"/>.</summary>
public sealed record CountHeldBy(string Owner);

/// <summary>How many locks an owner holds, counting a lapsed one until its expiry is recorded.</summary>
public sealed record HeldCount(int Count);
