using Identity.GroupRole.Domain;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Identity.GroupRole.Storage.Mongo;

/// <summary>
/// GroupRole's store on MongoDB: one document per group, per membership, per mapping and per
/// audit record. This part: groups and their audit trail. Query documents come from the pure
/// functions in <see cref="MongoGroupFilter"/> and <see cref="MongoDocuments"/>.
/// </summary>
public sealed partial class MongoGroupRoleStore : IGroupRoleStore
{
    private const int ChunkSize = 1000;

    private readonly IMongoCollection<BsonDocument> _groups;
    private readonly IMongoCollection<BsonDocument> _memberships;
    private readonly IMongoCollection<BsonDocument> _mappings;
    private readonly IMongoCollection<BsonDocument> _users;
    private readonly IMongoCollection<BsonDocument> _audit;
    private readonly IMongoCollection<BsonDocument> _graphLocks;
    private readonly MongoTransactions _transactions;

    public MongoGroupRoleStore(IMongoDatabase database, MongoTransactions transactions)
    {
        _groups = database.GetCollection<BsonDocument>(MongoCollections.Groups);
        _memberships = database.GetCollection<BsonDocument>(MongoCollections.Memberships);
        _mappings = database.GetCollection<BsonDocument>(MongoCollections.RoleMappings);
        _users = database.GetCollection<BsonDocument>(MongoCollections.UserState);
        _audit = database.GetCollection<BsonDocument>(MongoCollections.GroupAudit);
        _graphLocks = database.GetCollection<BsonDocument>(MongoCollections.GraphLocks);
        _transactions = transactions;
    }

    public Task<GroupRecord> CreateGroupAsync(GroupRecord group, IReadOnlyList<MemberRecord> members, MutationInfo mutation, CancellationToken cancellationToken) =>
        _transactions.RunAsync(async (session, ct) =>
        {
            try
            {
                await _groups.InsertOneAsync(session, MongoDocuments.Group(group, members.Count), cancellationToken: ct);
            }
            catch (Exception ex) when (IsDuplicateKey(ex))
            {
                throw GroupRoleException.NameTaken(group.DisplayName);
            }
            if (members.Count > 0)
            {
                var documents = members.Select(m => MongoDocuments.MembershipKey(group.TenantId, group.Id, m.MemberId).AddRange(new BsonDocument
                {
                    { "type", (int)m.Kind },
                    { "display", (BsonValue?)m.Display ?? BsonNull.Value },
                }));
                await _memberships.InsertManyAsync(session, documents, new InsertManyOptions { IsOrdered = false }, ct);
            }
            await _audit.InsertOneAsync(session, MongoDocuments.Audit(group.TenantId, group.Id, GroupAuditActions.Create, 0, 1, mutation), cancellationToken: ct);
            return group with { Version = 1, MemberCount = members.Count };
        }, cancellationToken);

    public async Task<GroupRecord?> GetGroupAsync(string tenantId, string groupId, CancellationToken cancellationToken)
    {
        var document = await _groups.Find(LiveGroup(tenantId, groupId)).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : MongoDocuments.ToGroup(document);
    }

    public async Task<IReadOnlyList<GroupRecord>> GetGroupsAsync(string tenantId, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken)
    {
        var groups = new List<GroupRecord>();
        foreach (var chunk in groupIds.Distinct().Chunk(ChunkSize))
        {
            var filter = new BsonDocument { { "tenant", tenantId }, { "gid", new BsonDocument("$in", new BsonArray(chunk)) }, { "deleted", false } };
            groups.AddRange((await _groups.Find(filter).ToListAsync(cancellationToken)).Select(MongoDocuments.ToGroup));
        }
        return groups;
    }

    public async Task<GroupPage> ListGroupsAsync(string tenantId, GroupQuery query, CancellationToken cancellationToken)
    {
        var memberGroups = new Dictionary<Scim.Filters.FilterNode, IReadOnlyCollection<string>>(ReferenceEqualityComparer.Instance);
        foreach (var (node, membershipQuery) in MongoGroupFilter.MemberPredicates(tenantId, query.Filter))
        {
            var ids = await _memberships.Distinct<string>("group", membershipQuery, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
            memberGroups[node] = ids;
        }
        var filter = MongoGroupFilter.Render(tenantId, query.Filter, memberGroups);
        var total = await _groups.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        var page = await _groups.Find(filter).Sort(MongoGroupFilter.Sort(query.SortBy, query.Descending))
            .Skip(query.Offset).Limit(query.Count).ToListAsync(cancellationToken);
        return new GroupPage(page.Select(MongoDocuments.ToGroup).ToList(), (int)total);
    }

    public Task<GroupRecord> UpdateGroupAsync(string tenantId, string groupId, GroupUpdate update, long expectedVersion, MutationInfo mutation, CancellationToken cancellationToken) =>
        _transactions.RunAsync(async (session, ct) =>
        {
            var current = await RequireGroupAsync(session, tenantId, groupId, expectedVersion, ct);
            var set = new BsonDocument
            {
                { "name", update.DisplayName },
                { "nameKey", update.DisplayName.ToUpperInvariant() },
                { "externalId", (BsonValue?)update.ExternalId ?? BsonNull.Value },
                { "extraJson", update.ExtraJson },
                { "lastModified", mutation.At.UtcDateTime },
            };
            BsonDocument? after;
            try
            {
                after = await _groups.FindOneAndUpdateAsync<BsonDocument>(session, VersionedGroup(tenantId, groupId, current.Version),
                    new BsonDocument { { "$set", set }, { "$inc", new BsonDocument("version", 1L) } },
                    new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After }, ct);
            }
            catch (Exception ex) when (IsDuplicateKey(ex))
            {
                throw GroupRoleException.NameTaken(update.DisplayName);
            }
            var updated = after is null ? throw await StaleAsync(session, tenantId, groupId, current.Version, ct) : MongoDocuments.ToGroup(after);
            await _audit.InsertOneAsync(session, MongoDocuments.Audit(tenantId, groupId, GroupAuditActions.Update, current.Version, updated.Version, mutation), cancellationToken: ct);
            return updated;
        }, cancellationToken);

    public Task<long> DeleteGroupAsync(string tenantId, string groupId, long expectedVersion, MutationInfo mutation, CancellationToken cancellationToken) =>
        _transactions.RunAsync(async (session, ct) =>
        {
            var current = await RequireGroupAsync(session, tenantId, groupId, expectedVersion, ct);
            var after = await _groups.FindOneAndUpdateAsync<BsonDocument>(session, VersionedGroup(tenantId, groupId, current.Version),
                new BsonDocument
                {
                    { "$set", new BsonDocument { { "deleted", true }, { "memberCount", 0L }, { "lastModified", mutation.At.UtcDateTime } } },
                    { "$inc", new BsonDocument("version", 1L) },
                },
                new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After }, ct)
                ?? throw await StaleAsync(session, tenantId, groupId, current.Version, ct);
            await _memberships.DeleteManyAsync(session, new BsonDocument { { "tenant", tenantId }, { "group", groupId } }, cancellationToken: ct);
            await RemoveEverywhereAsync(session, tenantId, groupId, mutation, ct);
            var version = after["version"].ToInt64();
            await _audit.InsertOneAsync(session, MongoDocuments.Audit(tenantId, groupId, GroupAuditActions.Delete, current.Version, version, mutation), cancellationToken: ct);
            return version;
        }, cancellationToken);

    public async Task<IReadOnlyList<GroupAuditRecord>> ListGroupAuditAsync(string tenantId, string groupId, CancellationToken cancellationToken)
    {
        var records = await _audit.Find(new BsonDocument { { "tenant", tenantId }, { "group", groupId } })
            .Sort(new BsonDocument { { "at", 1 }, { "_id", 1 } }).ToListAsync(cancellationToken);
        return records.Select(MongoDocuments.ToAudit).ToList();
    }

    private async Task<GroupRecord> RequireGroupAsync(IClientSessionHandle session, string tenantId, string groupId, long expectedVersion, CancellationToken cancellationToken)
    {
        var document = await _groups.Find(session, LiveGroup(tenantId, groupId)).FirstOrDefaultAsync(cancellationToken)
            ?? throw GroupRoleException.GroupNotFound(groupId);
        var current = MongoDocuments.ToGroup(document);
        return expectedVersion != 0 && expectedVersion != current.Version
            ? throw GroupRoleException.StaleVersion(groupId, expectedVersion, current.Version)
            : current;
    }

    // The version moved between our read and write (no transaction, or another replica won).
    private async Task<GroupRoleException> StaleAsync(IClientSessionHandle session, string tenantId, string groupId, long expected, CancellationToken cancellationToken)
    {
        var document = await _groups.Find(session, LiveGroup(tenantId, groupId)).FirstOrDefaultAsync(cancellationToken);
        return document is null
            ? GroupRoleException.GroupNotFound(groupId)
            : GroupRoleException.StaleVersion(groupId, expected, document["version"].ToInt64());
    }

    private static BsonDocument LiveGroup(string tenantId, string groupId) =>
        new() { { "tenant", tenantId }, { "gid", groupId }, { "deleted", false } };

    private static BsonDocument VersionedGroup(string tenantId, string groupId, long version) =>
        LiveGroup(tenantId, groupId).Add("version", version);

    private static bool IsDuplicateKey(Exception ex) => ex switch
    {
        MongoWriteException write => write.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoCommandException command => command.Code == 11000,
        MongoBulkWriteException bulk => bulk.WriteErrors.Any(e => e.Category == ServerErrorCategory.DuplicateKey),
        _ => false,
    };
}
