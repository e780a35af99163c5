using MongoDB.Bson;
using MongoDB.Driver;

namespace Identity.GroupRole.Storage.Mongo;

/// <summary>The indexes each query needs, per collection; created at start (createIndexes is idempotent).</summary>
public static class MongoIndexes
{
    public static IReadOnlyList<(string Collection, BsonDocument Keys, CreateIndexOptions<BsonDocument> Options)> All { get; } =
    [
        (MongoCollections.Groups, new BsonDocument { { "tenant", 1 }, { "gid", 1 } }, new() { Name = "tenant_gid", Unique = true }),
        // displayName is unique per tenant among live groups only, so a deleted group frees its name.
        (MongoCollections.Groups, new BsonDocument { { "tenant", 1 }, { "nameKey", 1 } },
            new() { Name = "tenant_nameKey_live", Unique = true, PartialFilterExpression = new BsonDocument("deleted", false) }),
        (MongoCollections.Groups, new BsonDocument { { "tenant", 1 }, { "externalId", 1 } }, new() { Name = "tenant_externalId" }),
        (MongoCollections.Memberships, new BsonDocument { { "tenant", 1 }, { "group", 1 }, { "member", 1 } }, new() { Name = "tenant_group_member", Unique = true }),
        (MongoCollections.Memberships, new BsonDocument { { "tenant", 1 }, { "member", 1 } }, new() { Name = "tenant_member" }),
        (MongoCollections.RoleMappings, new BsonDocument { { "tenant", 1 }, { "mid", 1 } }, new() { Name = "tenant_mid", Unique = true }),
        (MongoCollections.RoleMappings, new BsonDocument { { "tenant", 1 }, { "group", 1 } }, new() { Name = "tenant_group" }),
        (MongoCollections.UserState, new BsonDocument { { "tenant", 1 }, { "user", 1 } }, new() { Name = "tenant_user", Unique = true }),
        (MongoCollections.GroupAudit, new BsonDocument { { "tenant", 1 }, { "group", 1 }, { "at", 1 } }, new() { Name = "tenant_group_at" }),
    ];

    public static async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        foreach (var (collection, keys, options) in All)
        {
            await database.GetCollection<BsonDocument>(collection).Indexes.CreateOneAsync(
                new CreateIndexModel<BsonDocument>(keys, options), cancellationToken: cancellationToken);
        }
    }
}
