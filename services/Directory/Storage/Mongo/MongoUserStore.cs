using System.Text.Json.Nodes;
using Identity.Directory.Users;
using Identity.Scim.Filters;
using Identity.Scim.Schemas;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Identity.Directory.Storage.Mongo;

/// <summary>
/// Users in MongoDB without multi-document transactions. A write takes a position from the
/// tenant's counter, writes the user conditionally (version filter, unique userName index)
/// carrying its event as "pend", then appends the event and clears "pend". A refused write
/// voids its position; a crash after the user write leaves "pend" for the log's repair.
/// </summary>
public sealed class MongoUserStore(MongoDirectoryDatabase db) : IUserStore
{
    public async Task<StoredUser> WriteAsync(UserWrite write, CancellationToken cancellationToken)
    {
        var user = write.User;
        var key = MongoUserDocument.Key(user.TenantId, user.Id);
        BsonDocument? current = null;
        if (write.ExpectedVersion != 0)
        {
            current = await db.Users.Find(new BsonDocument("_id", key)).FirstOrDefaultAsync(cancellationToken);
            if (current is null || current.Contains(MongoUserDocument.Deleted))
            {
                throw new StoreConflictException(ConflictKind.NotFound, $"User '{user.Id}' does not exist.");
            }
            if (current[MongoUserDocument.Version].ToInt64() != write.ExpectedVersion)
            {
                throw new StoreConflictException(ConflictKind.VersionMismatch, $"User '{user.Id}' is at version {current[MongoUserDocument.Version]}, not {write.ExpectedVersion}.");
            }
            // Replacing the document would drop an earlier writer's unfinished event: finish it first.
            if (current.TryGetValue(MongoUserDocument.Pending, out var earlier))
            {
                await MongoPendingEvents.MaterializeAsync(db, key, earlier.AsBsonDocument, cancellationToken);
            }
        }

        var sequence = await MongoEventDocument.NextSequenceAsync(db, user.TenantId, cancellationToken);
        user = user with { Ordinal = current is null ? sequence : current[MongoUserDocument.Ordinal].ToInt64() };
        var pending = MongoEventDocument.Create(sequence, write.Audit, write.Change, user, Guid.NewGuid().ToString("N"));
        try
        {
            if (current is null)
            {
                await db.Users.InsertOneAsync(MongoUserDocument.From(user, pending), cancellationToken: cancellationToken);
            }
            else
            {
                var filter = new BsonDocument { { "_id", key }, { MongoUserDocument.Version, write.ExpectedVersion }, { MongoUserDocument.Deleted, new BsonDocument("$exists", false) } };
                var result = await db.Users.ReplaceOneAsync(filter, MongoUserDocument.From(user, pending), cancellationToken: cancellationToken);
                if (result.MatchedCount == 0)
                {
                    throw new StoreConflictException(ConflictKind.VersionMismatch, $"User '{user.Id}' changed meanwhile.");
                }
            }
        }
        catch (MongoWriteException ex) when (MongoEventDocument.IsDuplicateKey(ex))
        {
            await MongoEventDocument.VoidAsync(db, user.TenantId, sequence, CancellationToken.None);
            throw ex.WriteError.Message.Contains(MongoUserDocument.UserNameKey, StringComparison.Ordinal)
                ? new StoreConflictException(ConflictKind.UserNameTaken, "That userName is already taken in this tenant.")
                : new StoreConflictException(ConflictKind.AlreadyExists, $"User '{user.Id}' already exists.");
        }
        catch (StoreConflictException)
        {
            await MongoEventDocument.VoidAsync(db, user.TenantId, sequence, CancellationToken.None);
            throw;
        }
        await MongoPendingEvents.MaterializeAsync(db, key, pending, cancellationToken);
        return user;
    }

    public async Task<StoredUser?> GetAsync(string tenantId, string userId, bool includeDeleted, CancellationToken cancellationToken)
    {
        var document = await db.Users.Find(new BsonDocument("_id", MongoUserDocument.Key(tenantId, userId))).FirstOrDefaultAsync(cancellationToken);
        return document is null || (!includeDeleted && document.Contains(MongoUserDocument.Deleted)) ? null : MongoUserDocument.ToUser(document);
    }

    public Task<IReadOnlyList<StoredUser>> FindAsync(string tenantId, UserKey key, string value, CancellationToken cancellationToken) =>
        FindAnyAsync(tenantId, [(key, value)], cancellationToken);

    public async Task<IReadOnlyList<StoredUser>> FindAnyAsync(string tenantId, IReadOnlyList<(UserKey Key, string Value)> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        var found = await db.Users.Find(FindAnyFilter(tenantId, keys)).Sort(new BsonDocument(MongoUserDocument.Ordinal, 1)).Limit(50 * keys.Count)
            .ToListAsync(cancellationToken);
        return found.Select(MongoUserDocument.ToUser).ToList();
    }

    /// <summary>Live users of the tenant whose lower-cased key fields equal any of the keys ($or, one index per clause).</summary>
    internal static BsonDocument FindAnyFilter(string tenantId, IReadOnlyList<(UserKey Key, string Value)> keys)
    {
        var clauses = new BsonArray(keys.Select(k => new BsonDocument(Field(k.Key), k.Value.ToLowerInvariant())));
        var filter = new BsonDocument
        {
            { MongoUserDocument.Tenant, tenantId },
            { MongoUserDocument.Deleted, new BsonDocument("$exists", false) },
        };
        if (clauses.Count == 1)
        {
            filter.AddRange(clauses[0].AsBsonDocument);
        }
        else
        {
            filter["$or"] = clauses;
        }
        return filter;
    }

    public async Task<bool> HasAdoptableJitUsersAsync(string tenantId, CancellationToken cancellationToken) =>
        await db.Users.Find(AdoptableJitFilter(tenantId)).Limit(1).CountDocumentsAsync(cancellationToken) > 0;

    /// <summary>Live JIT users no IdP manages yet (served by the partial index of the same shape).</summary>
    internal static BsonDocument AdoptableJitFilter(string tenantId) => new()
    {
        { MongoUserDocument.Tenant, tenantId },
        { MongoUserDocument.Origin, (int)UserOrigin.Jit },
        { MongoUserDocument.IdpManaged, false },
        { MongoUserDocument.Deleted, new BsonDocument("$exists", false) },
    };

    private static string Field(UserKey key) => key switch
    {
        UserKey.UserName => MongoUserDocument.UserNameKey,
        UserKey.ExternalId => MongoUserDocument.ExternalIdLower,
        UserKey.Email => MongoUserDocument.Emails,
        _ => MongoUserDocument.PrimaryEmail,
    };

    public async Task<IReadOnlyList<InactiveUserEntry>> ListInactiveAsync(string tenantId, long afterOrdinal, int limit, CancellationToken cancellationToken)
    {
        // Served by the (tenant, ordinal) index: a range scan that continues where the last page stopped.
        var filter = new BsonDocument
        {
            { MongoUserDocument.Tenant, tenantId },
            { MongoUserDocument.Ordinal, new BsonDocument("$gt", afterOrdinal) },
            { "$or", new BsonArray
                {
                    new BsonDocument(MongoUserDocument.Active, false),
                    new BsonDocument(MongoUserDocument.Deleted, new BsonDocument("$exists", true)),
                }
            },
        };
        var projection = new BsonDocument
        {
            { MongoUserDocument.UserId, 1 }, { MongoUserDocument.Ordinal, 1 }, { MongoUserDocument.LastModified, 1 }, { MongoUserDocument.Deleted, 1 },
        };
        var documents = await db.Users.Find(filter).Sort(new BsonDocument(MongoUserDocument.Ordinal, 1)).Limit(limit).Project(projection)
            .ToListAsync(cancellationToken);
        return documents.Select(d =>
        {
            var deleted = d.TryGetValue(MongoUserDocument.Deleted, out var value) && value.IsString ? ScimTime.Parse(value.AsString) : (DateTimeOffset?)null;
            return new InactiveUserEntry(d[MongoUserDocument.UserId].AsString, d[MongoUserDocument.Ordinal].ToInt64(),
                deleted ?? ScimTime.Parse(d[MongoUserDocument.LastModified].AsString), deleted is not null);
        }).ToList();
    }

    public async Task<UserPage> QueryAsync(UserQuery query, CancellationToken cancellationToken)
    {
        var translated = MongoUserFilterTranslator.Translate(query.Filter);
        var scope = new BsonDocument(MongoUserDocument.Tenant, query.TenantId);
        if (!query.IncludeDeleted)
        {
            scope[MongoUserDocument.Deleted] = new BsonDocument("$exists", false);
        }
        var narrowed = translated.Filter.ElementCount == 0 ? scope : new BsonDocument("$and", new BsonArray { scope, translated.Filter });
        var after = new BsonDocument("$and", new BsonArray { narrowed, new BsonDocument(MongoUserDocument.Ordinal, new BsonDocument("$gt", query.AfterOrdinal)) });
        var order = new BsonDocument(MongoUserDocument.Ordinal, 1);
        if (!translated.Residual)
        {
            int? total = query.CountTotal ? (int)await db.Users.CountDocumentsAsync(narrowed, cancellationToken: cancellationToken) : null;
            var page = await db.Users.Find(after).Sort(order).Skip(query.Offset).Limit(query.Limit).ToListAsync(cancellationToken);
            return new UserPage(page.Select(MongoUserDocument.ToUser).ToList(), total);
        }

        var matches = new FilterEvaluator(SchemaRegistry.Default.Users).Compile(query.Filter!);
        var users = new List<StoredUser>();
        var count = 0;
        var skipped = 0;
        using var cursor = await db.Users.Find(query.CountTotal ? narrowed : after).Sort(order).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                if (JsonNode.Parse(document[MongoUserDocument.Resource].AsString) is not JsonObject resource || !matches(resource))
                {
                    continue;
                }
                count++;
                if (document[MongoUserDocument.Ordinal].ToInt64() <= query.AfterOrdinal || users.Count >= query.Limit)
                {
                    continue;
                }
                if (skipped++ < query.Offset)
                {
                    continue;
                }
                users.Add(MongoUserDocument.ToUser(document));
                if (!query.CountTotal && users.Count >= query.Limit)
                {
                    return new UserPage(users, null);
                }
            }
        }
        return new UserPage(users, query.CountTotal ? count : null);
    }
}
