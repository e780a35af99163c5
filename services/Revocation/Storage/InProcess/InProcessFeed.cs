using Identity.Revocation.Domain;

namespace Identity.Revocation.Storage.InProcess;

/// <summary>
/// A bounded event log with Redis stream semantics: ids "ms-seq" strictly increasing, the oldest
/// dropped past the bound, and a reader told when it asks for a position that was dropped.
/// Guarded by the store's lock.
/// </summary>
internal sealed class InProcessFeed(int maxLength)
{
    private readonly List<RevocationEventRecord> _events = [];
    private FeedPosition _last = FeedPosition.Zero;
    private FeedPosition _maxTrimmed = FeedPosition.Zero;
    private bool _trimmed;

    public FeedPosition Last => _last;

    public FeedPosition NextId(DateTimeOffset now)
    {
        var ms = now.ToUnixTimeMilliseconds();
        _last = ms > _last.Milliseconds ? new FeedPosition(ms, 0) : new FeedPosition(_last.Milliseconds, _last.Sequence + 1);
        return _last;
    }

    public void Append(RevocationEventRecord record)
    {
        _events.Add(record);
        // Trim in batches, like MAXLEN ~, so appends stay amortised O(1).
        if (_events.Count > maxLength + (maxLength / 10))
        {
            var drop = _events.Count - maxLength;
            _maxTrimmed = FeedPosition.Parse(_events[drop - 1].EventId);
            _trimmed = true;
            _events.RemoveRange(0, drop);
        }
    }

    public FeedRead Read(FeedPosition after, int maxCount)
    {
        var gap = _trimmed && after < _maxTrimmed;
        var start = FirstAfter(after);
        var count = Math.Min(maxCount, _events.Count - start);
        return new FeedRead(count > 0 ? _events.GetRange(start, count) : [], gap);
    }

    private int FirstAfter(FeedPosition after)
    {
        int low = 0, high = _events.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            var id = FeedPosition.Parse(_events[mid].EventId);
            if (id <= after)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }
}
