using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace AkkaLocks.Engine.Tests;

/// <summary>
/// Akka's in-memory journal, except that it rejects the writes it is told to: as a real journal rejects an event it
/// cannot serialize, or a store refuses one. Rejected writes are not stored; the others are.
/// </summary>
internal sealed class RejectingJournal : MemoryJournal
{
    private int _toReject;

    /// <summary>The HOCON that makes it the journal of an actor system.</summary>
    public const string Hocon = """
        akka.persistence.journal.plugin = "akka.persistence.journal.rejecting"
        akka.persistence.journal.rejecting.class = "AkkaLocks.Engine.Tests.RejectingJournal, AkkaLocks.Engine.Tests"
        """;

    /// <summary>Tells the journal of <paramref name="system"/> to reject its next <paramref name="writes"/> atomic writes.</summary>
    public static async Task RejectNextAsync(ActorSystem system, int writes)
    {
        var journal = Persistence.Instance.Apply(system).JournalFor(null);
        await journal.Ask<RejectNext>(new RejectNext(writes), TimeSpan.FromSeconds(5));
    }

    protected override bool ReceivePluginInternal(object message)
    {
        if (message is not RejectNext reject) return base.ReceivePluginInternal(message);
        _toReject = reject.Writes;
        Sender.Tell(reject);
        return true;
    }

    protected override async Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var outcomes = new List<Exception>();
        var accepted = new List<AtomicWrite>();
        foreach (var write in messages)
        {
            if (_toReject > 0)
            {
                _toReject--;
                outcomes.Add(new InvalidOperationException("Rejected by the test journal."));
                continue;
            }
            accepted.Add(write);
            outcomes.Add(null!);
        }
        await base.WriteMessagesAsync(accepted, cancellationToken);
        return outcomes.ToImmutableList();
    }

    private sealed record RejectNext(int Writes);
}
