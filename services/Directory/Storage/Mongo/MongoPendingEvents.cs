using MongoDB.Bson;
using MongoDB.Driver;

namespace Identity.Directory.Storage.Mongo;

/// <summary>
/// A user write carries its event inside the user document ("pend") until the event is in
/// the events collection; this turns such a pending event into a logged one, whoever finishes
/// the job (the writer right after its write, or a reader sweeping up after a crash).
/// </summary>
public static class MongoPendingEvents
{
    /// <summary>Appends the pending event (re-numbered if its position was voided meanwhile) and clears it from the user.</summary>
    public static async Task MaterializeAsync(MongoDirectoryDatabase db, string userKey, BsonDocument pending, CancellationToken cancellationToken)
    {
        var tenantId = pending["t"].AsString;
        var eventId = pending["eid"].AsString;
        var candidate = pending;
        while (!await MongoEventDocument.TryInsertAsync(db, candidate, cancellationToken))
        {
            var holder = await db.Events.Find(new BsonDocument("_id", candidate["_id"])).FirstOrDefaultAsync(cancellationToken);
            if (holder is not null && holder.TryGetValue("eid", out var holderId) && holderId == eventId)
            {
                break;
            }
            // A reader voided the position while this write was slow: append under a fresh one.
            candidate = MongoEventDocument.At(pending, await MongoEventDocument.NextSequenceAsync(db, tenantId, cancellationToken));
        }
        await db.Users.UpdateOneAsync(
            new BsonDocument { { "_id", userKey }, { MongoUserDocument.Pending + ".eid", eventId } },
            new BsonDocument("$unset", new BsonDocument(MongoUserDocument.Pending, "")),
            cancellationToken: cancellationToken);
    }

    /// <summary>Materializes the tenant's pending events older than <paramref name="olderThan"/> (left by a crashed writer).</summary>
    public static async Task SweepAsync(MongoDirectoryDatabase db, string tenantId, DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var stale = await db.Users.Find(new BsonDocument
            {
                { MongoUserDocument.Tenant, tenantId },
                { MongoUserDocument.Pending, new BsonDocument("$exists", true) },
                { MongoUserDocument.Pending + ".time", new BsonDocument("$lt", Users.ScimTime.Print(olderThan)) },
            })
            .Limit(100).ToListAsync(cancellationToken);
        foreach (var user in stale)
        {
            await MaterializeAsync(db, user["_id"].AsString, user[MongoUserDocument.Pending].AsBsonDocument, cancellationToken);
        }
    }
}
