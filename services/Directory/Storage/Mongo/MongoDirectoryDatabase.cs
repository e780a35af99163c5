using Identity.Directory.Users;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Identity.Directory.Storage.Mongo;

/// <summary>Directory's MongoDB collections, with their indexes created at start.</summary>
public sealed class MongoDirectoryDatabase
{
    public MongoDirectoryDatabase(IMongoDatabase database)
    {
        Database = database;
        Users = database.GetCollection<BsonDocument>("users");
        Events = database.GetCollection<BsonDocument>("events");
        Counters = database.GetCollection<BsonDocument>("counters");
        Tenants = database.GetCollection<BsonDocument>("tenants");
        Tokens = database.GetCollection<BsonDocument>("tokens");
    }

    public IMongoDatabase Database { get; }

    public IMongoCollection<BsonDocument> Users { get; }

    public IMongoCollection<BsonDocument> Events { get; }

    public IMongoCollection<BsonDocument> Counters { get; }

    public IMongoCollection<BsonDocument> Tenants { get; }

    public IMongoCollection<BsonDocument> Tokens { get; }

    public static MongoDirectoryDatabase Connect(string connectionString, string databaseName) =>
        new(new MongoClient(connectionString).GetDatabase(databaseName));

    /// <summary>Creates the indexes the common lookups and the uniqueness rules need; idempotent.</summary>
    public async Task EnsureIndexesAsync(CancellationToken cancellationToken)
    {
        static CreateIndexModel<BsonDocument> Index(BsonDocument keys, bool unique = false, BsonDocument? partial = null) =>
            new(keys, new CreateIndexOptions<BsonDocument> { Unique = unique, PartialFilterExpression = partial });
        var t = MongoUserDocument.Tenant;
        await Users.Indexes.CreateManyAsync(
        [
            Index(new BsonDocument { { t, 1 }, { MongoUserDocument.UserId, 1 } }, unique: true),
            Index(new BsonDocument { { t, 1 }, { MongoUserDocument.Ordinal, 1 } }, unique: true),
            // Only live users carry the key, so a soft delete frees the userName.
            Index(new BsonDocument { { t, 1 }, { MongoUserDocument.UserNameKey, 1 } }, unique: true,
                partial: new BsonDocument(MongoUserDocument.UserNameKey, new BsonDocument("$type", "string"))),
            Index(new BsonDocument { { t, 1 }, { MongoUserDocument.UserNameLower, 1 } }),
            Index(new BsonDocument { { t, 1 }, { MongoUserDocument.ExternalIdLower, 1 } }),
            Index(new BsonDocument { { t, 1 }, { MongoUserDocument.Emails, 1 } }),
            Index(new BsonDocument { { t, 1 }, { MongoUserDocument.LastModified, 1 } }),
            Index(new BsonDocument { { t, 1 }, { MongoUserDocument.Active, 1 } }),
            // Adoptable JIT users only (see IUserStore.HasAdoptableJitUsersAsync); $exists: false is not
            // allowed in a partial filter, so deleted users stay in it and the query filters them.
            Index(new BsonDocument { { t, 1 }, { MongoUserDocument.Origin, 1 }, { MongoUserDocument.IdpManaged, 1 } },
                partial: new BsonDocument { { MongoUserDocument.Origin, (int)UserOrigin.Jit }, { MongoUserDocument.IdpManaged, false } }),
            Index(new BsonDocument { { t, 1 }, { MongoUserDocument.Pending + ".seq", 1 } },
                partial: new BsonDocument(MongoUserDocument.Pending, new BsonDocument("$exists", true))),
        ], cancellationToken);
        await Events.Indexes.CreateManyAsync(
        [
            Index(new BsonDocument { { "t", 1 }, { "seq", 1 } }, unique: true),
            Index(new BsonDocument { { "t", 1 }, { "rid", 1 }, { "seq", 1 } }),
        ], cancellationToken);
        await Tokens.Indexes.CreateManyAsync([Index(new BsonDocument("hash", 1), unique: true), Index(new BsonDocument("t", 1))], cancellationToken);
    }
}
