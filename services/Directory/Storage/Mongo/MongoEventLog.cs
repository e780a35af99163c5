using Identity.Directory.Auditing;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Identity.Directory.Storage.Mongo;

/// <summary>
/// Reads the events collection without change streams. Positions come from a per-tenant
/// counter, so a writer can take position 10, stall, and commit after 11 is visible. A reader
/// therefore stops at the first hole instead of passing it, and after a grace period repairs
/// it: from the user document still carrying that pending event, or else by voiding the
/// position. A writer that finds its position voided re-appends under a new one. So every
/// committed change reaches the log, and no reader passes a position that could still fill.
/// </summary>
public sealed class MongoEventLog(MongoDirectoryDatabase db, TimeProvider time) : IEventLog
{
    // Longer than any write between taking a position and appending it, short enough for a feed.
    public static readonly TimeSpan RepairGrace = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyList<LoggedEvent>> ReadAsync(
        string tenantId, long afterSequence, int limit, string? resourceId, bool userChangesOnly, CancellationToken cancellationToken)
    {
        await MongoPendingEvents.SweepAsync(db, tenantId, time.GetUtcNow() - RepairGrace, cancellationToken);
        if (!string.IsNullOrEmpty(resourceId))
        {
            // A trail of one resource is a listing, not a resumable stream: holes need no waiting.
            var filter = new BsonDocument { { "t", tenantId }, { "rid", resourceId }, { "seq", new BsonDocument("$gt", afterSequence) } };
            var found = await db.Events.Find(filter).Sort(new BsonDocument("seq", 1)).Limit(limit).ToListAsync(cancellationToken);
            return found.Select(MongoEventDocument.ToLogged).Where(e => !userChangesOnly || e.Change != 0).ToList();
        }

        var result = new List<LoggedEvent>();
        var expected = afterSequence + 1;
        for (var round = 0; round < 4 && result.Count < limit; round++)
        {
            var batch = await db.Events.Find(new BsonDocument { { "t", tenantId }, { "seq", new BsonDocument("$gte", expected) } })
                .Sort(new BsonDocument("seq", 1)).Limit(limit).ToListAsync(cancellationToken);
            var repaired = false;
            foreach (var document in batch)
            {
                if (document["seq"].ToInt64() != expected)
                {
                    repaired = await RepairAsync(tenantId, expected, document, cancellationToken);
                    break;
                }
                expected++;
                if (!MongoEventDocument.IsVoid(document) && (!userChangesOnly || document["change"].ToInt32() != 0))
                {
                    result.Add(MongoEventDocument.ToLogged(document));
                }
                if (result.Count >= limit)
                {
                    break;
                }
            }
            if (!repaired && batch.Count < limit)
            {
                break;
            }
        }
        return result;
    }

    public async Task<long> LastSequenceAsync(string tenantId, CancellationToken cancellationToken)
    {
        var counter = await db.Counters.Find(new BsonDocument("_id", tenantId)).FirstOrDefaultAsync(cancellationToken);
        return counter is null ? 0 : counter["seq"].ToInt64();
    }

    // True when the hole at `missing` was filled (the caller re-reads from it); false to stop there for now.
    private async Task<bool> RepairAsync(string tenantId, long missing, BsonDocument next, CancellationToken cancellationToken)
    {
        var nextTime = next.TryGetValue("time", out var t) && t.IsString ? Users.ScimTime.Parse(t.AsString) : time.GetUtcNow();
        if (time.GetUtcNow() - nextTime < RepairGrace)
        {
            return false;
        }
        var pending = await db.Users.Find(new BsonDocument { { MongoUserDocument.Tenant, tenantId }, { MongoUserDocument.Pending + ".seq", missing } })
            .FirstOrDefaultAsync(cancellationToken);
        if (pending is not null)
        {
            await MongoEventDocument.TryInsertAsync(db, pending[MongoUserDocument.Pending].AsBsonDocument, cancellationToken);
        }
        else
        {
            await MongoEventDocument.VoidAsync(db, tenantId, missing, cancellationToken);
        }
        return true;
    }
}
