using Identity.GroupRole.Domain;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Identity.GroupRole.Storage.Mongo;

/// <summary>Per-user state (suspension, IdP roles) and role mappings.</summary>
public sealed partial class MongoGroupRoleStore
{
    public async Task<UserState> GetUserStateAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        MongoDocuments.ToUserState(await _users.Find(UserKey(tenantId, userId)).FirstOrDefaultAsync(cancellationToken));

    public Task SetUserSuspendedAsync(string tenantId, string userId, bool suspended, CancellationToken cancellationToken) =>
        _users.UpdateOneAsync(UserKey(tenantId, userId),
            new BsonDocument { { "$set", new BsonDocument("suspended", suspended) }, { "$setOnInsert", new BsonDocument("roles", new BsonArray()) } },
            new UpdateOptions { IsUpsert = true }, cancellationToken);

    public Task SetUserRolesAsync(string tenantId, string userId, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        _users.UpdateOneAsync(UserKey(tenantId, userId),
            new BsonDocument { { "$set", new BsonDocument("roles", new BsonArray(roles)) }, { "$setOnInsert", new BsonDocument("suspended", false) } },
            new UpdateOptions { IsUpsert = true }, cancellationToken);

    public async Task<RoleMappingRecord> PutRoleMappingAsync(RoleMappingRecord mapping, CancellationToken cancellationToken)
    {
        var key = new BsonDocument { { "tenant", mapping.TenantId }, { "mid", mapping.Id } };
        var update = new BsonDocument
        {
            { "$set", new BsonDocument
                {
                    { "group", (BsonValue?)mapping.GroupId ?? BsonNull.Value },
                    { "groupName", (BsonValue?)mapping.GroupDisplayName ?? BsonNull.Value },
                    { "roles", new BsonArray(mapping.Roles) },
                }
            },
            { "$setOnInsert", new BsonDocument("created", mapping.Created.UtcDateTime) },
        };
        var stored = await _mappings.FindOneAndUpdateAsync<BsonDocument>(key, update,
            new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After }, cancellationToken);
        return MongoDocuments.ToMapping(stored);
    }

    public async Task<IReadOnlyList<RoleMappingRecord>> ListRoleMappingsAsync(string tenantId, string? groupId, CancellationToken cancellationToken)
    {
        var filter = new BsonDocument("tenant", tenantId);
        if (!string.IsNullOrEmpty(groupId))
        {
            filter.Add("group", groupId);
        }
        var documents = await _mappings.Find(filter).Sort(new BsonDocument { { "created", 1 }, { "mid", 1 } }).ToListAsync(cancellationToken);
        return documents.Select(MongoDocuments.ToMapping).ToList();
    }

    public async Task<bool> DeleteRoleMappingAsync(string tenantId, string mappingId, CancellationToken cancellationToken) =>
        (await _mappings.DeleteOneAsync(new BsonDocument { { "tenant", tenantId }, { "mid", mappingId } }, cancellationToken)).DeletedCount == 1;

    private static BsonDocument UserKey(string tenantId, string userId) => new() { { "tenant", tenantId }, { "user", userId } };
}
