namespace AkkaLocks.Engine.Index;

/// <summary>
/// Asks the index how many locks <paramref name="Owner"/> holds; answered with an <see cref="int"/>. Sent after a
/// grant's answer was received, it queues behind that grant's event in the index's mailbox, so the count includes it.
/// </summary>
public sealed record CountHeldBy(string Owner);
