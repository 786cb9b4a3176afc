namespace AkkaLocks.Engine.Events;

/// <summary>Keys from least to most recently touched, each operation O(1): the eviction order of a bounded cache.</summary>
internal sealed class RecencyOrder<TKey> where TKey : notnull
{
    private readonly LinkedList<TKey> _order = new();
    private readonly Dictionary<TKey, LinkedListNode<TKey>> _nodes = [];

    public int Count => _nodes.Count;

    /// <summary>Makes <paramref name="key"/> the most recent.</summary>
    public void Touch(TKey key)
    {
        if (_nodes.TryGetValue(key, out var node)) _order.Remove(node);
        else _nodes[key] = node = new LinkedListNode<TKey>(key);
        _order.AddLast(node);
    }

    /// <summary>Takes out the least recent key, if any.</summary>
    public bool TryRemoveOldest(out TKey key)
    {
        key = default!;
        if (_order.First is not { } oldest) return false;
        _order.RemoveFirst();
        _nodes.Remove(oldest.Value);
        key = oldest.Value;
        return true;
    }

    public void Remove(TKey key)
    {
        if (_nodes.Remove(key, out var node)) _order.Remove(node);
    }
}
