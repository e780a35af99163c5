using Identity.Directory.Auditing;
using Identity.Directory.Tenancy;
using Identity.Directory.Users;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Identity.Directory.Storage.Mongo;

/// <summary>
/// Tenants and token hashes in MongoDB. Their audit entry is appended before the change and
/// voided if the change is refused: a crash in between over-reports an attempt, never hides a
/// change, and these rare writes do not need the users' pending-event machinery.
/// </summary>
public sealed class MongoTenantStore(MongoDirectoryDatabase db) : ITenantStore
{
    public async Task<(TenantRecord Tenant, bool Created)> CreateTenantAsync(TenantRecord tenant, AuditEntry audit, CancellationToken cancellationToken)
    {
        if (await GetTenantAsync(tenant.Id, cancellationToken) is { } existing)
        {
            return (existing, false);
        }
        var created = await AuditedAsync(audit, async () =>
        {
            try
            {
                await db.Tenants.InsertOneAsync(TenantDocument(tenant), cancellationToken: cancellationToken);
                return true;
            }
            catch (MongoWriteException ex) when (MongoEventDocument.IsDuplicateKey(ex))
            {
                return false;
            }
        }, cancellationToken);
        return created ? (tenant, true) : ((await GetTenantAsync(tenant.Id, cancellationToken))!, false);
    }

    public async Task<TenantRecord?> GetTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var document = await db.Tenants.Find(new BsonDocument("_id", tenantId)).FirstOrDefaultAsync(cancellationToken);
        return document is null
            ? null
            : new TenantRecord(document["_id"].AsString, document["dn"].AsString, ScimTime.Parse(document["cr"].AsString), document["idp"].AsString,
                document["len"].ToBoolean());
    }

    public async Task<TenantRecord?> UpdateTenantAsync(TenantRecord tenant, AuditEntry audit, CancellationToken cancellationToken)
    {
        var updated = await AuditedAsync(audit, async () =>
        {
            var result = await db.Tenants.UpdateOneAsync(new BsonDocument("_id", tenant.Id),
                new BsonDocument("$set", new BsonDocument { { "dn", tenant.DisplayName }, { "idp", tenant.IdpProfile }, { "len", tenant.LenientAttributes } }),
                cancellationToken: cancellationToken);
            return result.MatchedCount == 1;
        }, cancellationToken);
        return updated ? await GetTenantAsync(tenant.Id, cancellationToken) : null;
    }

    public Task<bool> AddTokenAsync(TokenRecord token, AuditEntry audit, CancellationToken cancellationToken) =>
        AuditedAsync(audit, async () =>
        {
            var document = new BsonDocument
            {
                { "_id", token.TenantId + "/" + token.TokenId },
                { "t", token.TenantId },
                { "tid", token.TokenId },
                { "hash", new BsonBinaryData(token.SecretHash) },
                { "desc", token.Description },
                { "cr", ScimTime.Print(token.Created) },
                { "exp", token.Expires is { } expires ? ScimTime.Print(expires) : BsonNull.Value },
                { "rev", BsonNull.Value },
            };
            try
            {
                await db.Tokens.InsertOneAsync(document, cancellationToken: cancellationToken);
                return true;
            }
            catch (MongoWriteException ex) when (MongoEventDocument.IsDuplicateKey(ex))
            {
                return false;
            }
        }, cancellationToken);

    public Task<TokenRecord?> FindTokenByHashAsync(byte[] secretHash, CancellationToken cancellationToken) =>
        FindTokenAsync(new BsonDocument("hash", new BsonBinaryData(secretHash)), cancellationToken);

    public Task<TokenRecord?> GetTokenAsync(string tenantId, string tokenId, CancellationToken cancellationToken) =>
        FindTokenAsync(new BsonDocument("_id", tenantId + "/" + tokenId), cancellationToken);

    public async Task<TokenRecord?> RevokeTokenAsync(string tenantId, string tokenId, DateTimeOffset at, AuditEntry audit, CancellationToken cancellationToken)
    {
        var key = tenantId + "/" + tokenId;
        var found = await AuditedAsync(audit, async () =>
        {
            // Keep an earlier revocation: only set when unset or later (fixed-width UTC text orders like time).
            var revokedAt = ScimTime.Print(at);
            var filter = new BsonDocument { { "_id", key }, { "$or", new BsonArray { new BsonDocument("rev", BsonNull.Value), new BsonDocument("rev", new BsonDocument("$gt", revokedAt)) } } };
            await db.Tokens.UpdateOneAsync(filter, new BsonDocument("$set", new BsonDocument("rev", revokedAt)), cancellationToken: cancellationToken);
            return await db.Tokens.Find(new BsonDocument("_id", key)).AnyAsync(cancellationToken);
        }, cancellationToken);
        return found ? await GetTokenAsync(tenantId, tokenId, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<TokenRecord>> ListTokensAsync(string tenantId, CancellationToken cancellationToken)
    {
        var documents = await db.Tokens.Find(new BsonDocument("t", tenantId)).Sort(new BsonDocument { { "cr", 1 }, { "tid", 1 } }).ToListAsync(cancellationToken);
        return documents.Select(ReadToken).ToList();
    }

    public async Task<IReadOnlyList<string>> ListTenantIdsAsync(string? afterId, int limit, CancellationToken cancellationToken)
    {
        var filter = afterId is null ? new BsonDocument() : new BsonDocument("_id", new BsonDocument("$gt", afterId));
        var documents = await db.Tenants.Find(filter).Sort(new BsonDocument("_id", 1)).Limit(limit)
            .Project(new BsonDocument("_id", 1)).ToListAsync(cancellationToken);
        return documents.Select(d => d["_id"].AsString).ToList();
    }

    private async Task<bool> AuditedAsync(AuditEntry audit, Func<Task<bool>> change, CancellationToken cancellationToken)
    {
        var sequence = await MongoEventDocument.NextSequenceAsync(db, audit.TenantId, cancellationToken);
        await MongoEventDocument.TryInsertAsync(db, MongoEventDocument.Create(sequence, audit, UserChangeType.Unspecified, null, Guid.NewGuid().ToString("N")),
            cancellationToken);
        var changed = await change();
        if (!changed)
        {
            // Nothing changed: the entry must not claim otherwise.
            await db.Events.ReplaceOneAsync(new BsonDocument("_id", MongoEventDocument.Key(audit.TenantId, sequence)),
                new BsonDocument { { "_id", MongoEventDocument.Key(audit.TenantId, sequence) }, { "t", audit.TenantId }, { "seq", sequence }, { "void", true } },
                cancellationToken: CancellationToken.None);
        }
        return changed;
    }

    private async Task<TokenRecord?> FindTokenAsync(BsonDocument filter, CancellationToken cancellationToken)
    {
        var document = await db.Tokens.Find(filter).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : ReadToken(document);
    }

    private static TokenRecord ReadToken(BsonDocument d) => new(
        d["t"].AsString,
        d["tid"].AsString,
        d["hash"].AsBsonBinaryData.Bytes,
        d["desc"].AsString,
        ScimTime.Parse(d["cr"].AsString),
        d["exp"].IsString ? ScimTime.Parse(d["exp"].AsString) : null,
        d["rev"].IsString ? ScimTime.Parse(d["rev"].AsString) : null);

    private static BsonDocument TenantDocument(TenantRecord tenant) => new()
    {
        { "_id", tenant.Id },
        { "dn", tenant.DisplayName },
        { "cr", ScimTime.Print(tenant.Created) },
        { "idp", tenant.IdpProfile },
        { "len", tenant.LenientAttributes },
    };
}
