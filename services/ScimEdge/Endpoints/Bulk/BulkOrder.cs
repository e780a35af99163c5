namespace Identity.ScimEdge.Endpoints.Bulk;

/// <summary>
/// The order a BulkRequest runs in: request order, except that an operation waits until every
/// bulkId it references has been created (RFC 7644 §3.7.2). Each operation's references are found
/// once, and a created bulkId releases exactly the operations waiting for it, so ordering costs
/// one walk of the request instead of one per operation run.
/// </summary>
internal sealed class BulkOrder
{
    private readonly SortedSet<int> _ready = [];
    private readonly Dictionary<string, List<int>> _waitingFor = new(StringComparer.Ordinal);
    private readonly int[] _missing;
    private readonly IReadOnlyList<BulkOperation> _operations;
    private readonly bool[] _taken;

    public BulkOrder(IReadOnlyList<BulkOperation> operations)
    {
        _operations = operations;
        _missing = new int[operations.Count];
        _taken = new bool[operations.Count];
        foreach (var operation in operations)
        {
            var references = BulkIdReferences.Find(operation);
            _missing[operation.Index] = references.Count;
            foreach (var bulkId in references)
            {
                if (!_waitingFor.TryGetValue(bulkId, out var waiting))
                {
                    waiting = [];
                    _waitingFor[bulkId] = waiting;
                }
                waiting.Add(operation.Index);
            }
            if (references.Count == 0)
            {
                _ready.Add(operation.Index);
            }
        }
    }

    /// <summary>Operations never released: their bulkIds were not created (unknown, failed or circular).</summary>
    public IEnumerable<BulkOperation> Waiting => _operations.Where(op => !_taken[op.Index]);

    /// <summary>The first operation, in request order, whose references are all resolved.</summary>
    public bool TryTakeNext(out BulkOperation operation)
    {
        if (_ready.Count == 0)
        {
            operation = null!;
            return false;
        }
        var index = _ready.Min;
        _ready.Remove(index);
        _taken[index] = true;
        operation = _operations[index];
        return true;
    }

    /// <summary>A bulkId now has a resource id: the operations waiting only for it become ready.</summary>
    public void Resolved(string bulkId)
    {
        if (!_waitingFor.Remove(bulkId, out var waiting))
        {
            return;
        }
        foreach (var index in waiting)
        {
            if (--_missing[index] == 0 && !_taken[index])
            {
                _ready.Add(index);
            }
        }
    }
}
