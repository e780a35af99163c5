using System.Globalization;
using Identity.Directory.Auditing;
using Identity.Directory.Users;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Identity.Directory.Storage.Mongo;

/// <summary>Events collection documents, and the per-tenant sequence counter that numbers them.</summary>
public static class MongoEventDocument
{
    private const int DuplicateKey = 11000;

    public static string Key(string tenantId, long sequence) => tenantId + "/" + sequence.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Takes the tenant's next position (findOneAndUpdate $inc: atomic without a transaction).</summary>
    public static async Task<long> NextSequenceAsync(MongoDirectoryDatabase db, string tenantId, CancellationToken cancellationToken)
    {
        var counter = await db.Counters.FindOneAndUpdateAsync(
            new BsonDocument("_id", tenantId),
            new BsonDocument("$inc", new BsonDocument("seq", 1L)),
            new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            cancellationToken);
        return counter["seq"].ToInt64();
    }

    public static BsonDocument Create(long sequence, AuditEntry audit, UserChangeType change, StoredUser? user, string eventId) => new()
    {
        { "_id", Key(audit.TenantId, sequence) },
        { "t", audit.TenantId },
        { "seq", sequence },
        { "eid", eventId },
        { "time", ScimTime.Print(audit.Time) },
        { "actor", audit.Actor },
        { "action", (int)audit.Action },
        { "rtype", audit.ResourceType },
        { "rid", audit.ResourceId },
        { "vb", audit.VersionBefore },
        { "va", audit.VersionAfter },
        { "req", audit.RequestId },
        { "detail", audit.Detail },
        { "change", (int)change },
        { "user", user is null ? BsonNull.Value : StoredUserJson.Serialize(user) },
    };

    /// <summary>Re-numbers an event document for another position.</summary>
    public static BsonDocument At(BsonDocument document, long sequence)
    {
        var copy = document.DeepClone().AsBsonDocument;
        copy["_id"] = Key(copy["t"].AsString, sequence);
        copy["seq"] = sequence;
        return copy;
    }

    /// <summary>Inserts the event; false when its position is already taken (by a repair or a void).</summary>
    public static async Task<bool> TryInsertAsync(MongoDirectoryDatabase db, BsonDocument document, CancellationToken cancellationToken)
    {
        try
        {
            await db.Events.InsertOneAsync(document, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Code == DuplicateKey)
        {
            return false;
        }
    }

    /// <summary>Marks a position that will never hold a change, so readers pass it at once.</summary>
    public static Task VoidAsync(MongoDirectoryDatabase db, string tenantId, long sequence, CancellationToken cancellationToken) =>
        TryInsertAsync(db, new BsonDocument { { "_id", Key(tenantId, sequence) }, { "t", tenantId }, { "seq", sequence }, { "void", true } },
            cancellationToken);

    public static bool IsVoid(BsonDocument document) => document.TryGetValue("void", out var flag) && flag.ToBoolean();

    public static LoggedEvent ToLogged(BsonDocument document)
    {
        var audit = new AuditEntry(document["t"].AsString, ScimTime.Parse(document["time"].AsString), document["actor"].AsString,
            (AuditAction)document["action"].ToInt32(), document["rtype"].AsString, document["rid"].AsString, document["vb"].ToInt64(),
            document["va"].ToInt64(), document["req"].AsString, document["detail"].AsString);
        var user = document["user"].IsString ? StoredUserJson.Deserialize(document["user"].AsString) : null;
        return new LoggedEvent(document["seq"].ToInt64(), audit, (UserChangeType)document["change"].ToInt32(), user);
    }

    public static bool IsDuplicateKey(MongoWriteException ex) => ex.WriteError?.Code == DuplicateKey;
}
