using System.Text.RegularExpressions;
using Identity.Directory.Users;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Identity.Directory.Storage.Mongo;

/// <summary>
/// MongoDB's counterpart of SQLite schema step 2: at start, drops passwords older builds stored
/// in users ("rj") and event snapshots ("user"). Idempotent (a purged document no longer matches),
/// and recorded once done in the "migrations" collection so later starts skip the scan.
/// </summary>
internal static class MongoPasswordPurge
{
    public const string MigrationId = "purge-stored-passwords";

    public static async Task RunAsync(MongoDirectoryDatabase database, CancellationToken cancellationToken)
    {
        var migrations = database.Database.GetCollection<BsonDocument>("migrations");
        var done = Builders<BsonDocument>.Filter.Eq("_id", MigrationId);
        if (await migrations.Find(done).AnyAsync(cancellationToken))
        {
            return;
        }
        await PurgeAsync(database.Users, MongoUserDocument.Resource, StoredPasswords.PurgeResource, cancellationToken);
        await PurgeAsync(database.Events, "user", PurgeSnapshot, cancellationToken);
        await migrations.ReplaceOneAsync(done, new BsonDocument { { "_id", MigrationId }, { "at", DateTime.UtcNow } },
            new ReplaceOptions { IsUpsert = true }, cancellationToken);
    }

    private static string? PurgeSnapshot(string snapshot) =>
        StoredPasswords.PurgeSnapshot(StoredUserJson.Deserialize(snapshot)) is { } stripped ? StoredUserJson.Serialize(stripped) : null;

    private static async Task PurgeAsync(
        IMongoCollection<BsonDocument> collection, string field, Func<string, string?> purge, CancellationToken cancellationToken)
    {
        var candidates = Builders<BsonDocument>.Filter.Regex(field, new BsonRegularExpression(Regex.Escape(StoredPasswords.Marker), "i"));
        using var cursor = await collection.Find(candidates).Project(Builders<BsonDocument>.Projection.Include(field)).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                var stored = document[field].AsString;
                if (purge(stored) is not { } stripped)
                {
                    continue;
                }
                // Conditional on the text read: a write that raced this pass was already stripped on its way in.
                var same = Builders<BsonDocument>.Filter.Eq("_id", document["_id"]) & Builders<BsonDocument>.Filter.Eq(field, stored);
                await collection.UpdateOneAsync(same, Builders<BsonDocument>.Update.Set(field, stripped), cancellationToken: cancellationToken);
            }
        }
    }
}
