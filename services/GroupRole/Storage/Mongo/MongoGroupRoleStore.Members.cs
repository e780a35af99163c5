using Identity.GroupRole.Domain;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Identity.GroupRole.Storage.Mongo;

/// <summary>Memberships: one document each, changed by unordered bulk writes of the difference only.</summary>
public sealed partial class MongoGroupRoleStore
{
    public async Task<IReadOnlySet<string>> GetMemberIdsAsync(string tenantId, string groupId, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var cursor = await _memberships.Find(new BsonDocument { { "tenant", tenantId }, { "group", groupId } })
            .Project(new BsonDocument { { "member", 1 }, { "_id", 0 } }).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                ids.Add(document["member"].AsString);
            }
        }
        return ids;
    }

    public Task<MembershipChange> ApplyMembershipAsync(string tenantId, string groupId, IReadOnlyList<MemberRecord> add, IReadOnlyCollection<string> remove, MutationInfo mutation, CancellationToken cancellationToken) =>
        _transactions.RunAsync(async (session, ct) =>
        {
            var current = await RequireGroupAsync(session, tenantId, groupId, expectedVersion: 0, ct);
            var nested = add.Where(m => m.Kind == MemberKind.Group).Select(m => m.MemberId).ToList();
            if (nested.Count > 0)
            {
                await SerializeGraphChangeAsync(session, tenantId, ct);
                await GroupGraph.RefuseCyclesAsync((ids, c) => ContainingGroupsAsync(session, tenantId, ids, c), groupId, nested, ct);
            }
            var (added, removed) = await WriteDifferenceAsync(session, MembershipWrites(tenantId, groupId, add, remove), ct);
            if (added + removed == 0)
            {
                return new MembershipChange(0, 0, current.Version);
            }
            var after = await _groups.FindOneAndUpdateAsync<BsonDocument>(session, LiveGroup(tenantId, groupId),
                new BsonDocument
                {
                    { "$inc", new BsonDocument { { "memberCount", (long)(added - removed) }, { "version", 1L } } },
                    { "$set", new BsonDocument("lastModified", mutation.At.UtcDateTime) },
                },
                new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After }, ct)
                ?? throw GroupRoleException.GroupNotFound(groupId);
            var version = after["version"].ToInt64();
            await _audit.InsertOneAsync(session, MongoDocuments.Audit(tenantId, groupId, GroupAuditActions.MembersChange, version - 1, version, mutation), cancellationToken: ct);
            return new MembershipChange(added, removed, version);
        }, cancellationToken);

    /// <summary>The write models for a membership difference: upserts that only insert, and deletes by key.</summary>
    public static IReadOnlyList<WriteModel<BsonDocument>> MembershipWrites(string tenantId, string groupId, IReadOnlyList<MemberRecord> add, IReadOnlyCollection<string> remove)
    {
        var writes = new List<WriteModel<BsonDocument>>(add.Count + remove.Count);
        writes.AddRange(add.Select(m => new UpdateOneModel<BsonDocument>(MongoDocuments.MembershipKey(tenantId, groupId, m.MemberId), MongoDocuments.MembershipInsert(m)) { IsUpsert = true }));
        writes.AddRange(remove.Select(id => new DeleteOneModel<BsonDocument>(MongoDocuments.MembershipKey(tenantId, groupId, id))));
        return writes;
    }

    public async Task<IReadOnlyList<MemberRecord>> ListMembersAsync(string tenantId, string groupId, int limit, string? afterMemberId, CancellationToken cancellationToken)
    {
        var filter = new BsonDocument { { "tenant", tenantId }, { "group", groupId }, { "member", new BsonDocument("$gt", afterMemberId ?? "") } };
        var documents = await _memberships.Find(filter).Sort(new BsonDocument("member", 1)).Limit(limit).ToListAsync(cancellationToken);
        return documents.Select(MongoDocuments.ToMember).ToList();
    }

    public Task<IReadOnlyList<(string MemberId, string GroupId)>> ListContainingGroupsAsync(string tenantId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken) =>
        ContainingGroupsAsync(null, tenantId, memberIds, cancellationToken);

    private async Task<IReadOnlyList<(string MemberId, string GroupId)>> ContainingGroupsAsync(IClientSessionHandle? session, string tenantId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        var pairs = new List<(string, string)>();
        foreach (var chunk in memberIds.Distinct().Chunk(ChunkSize))
        {
            var filter = new BsonDocument { { "tenant", tenantId }, { "member", new BsonDocument("$in", new BsonArray(chunk)) } };
            var find = session is null ? _memberships.Find(filter) : _memberships.Find(session, filter);
            var documents = await find.Project(new BsonDocument { { "member", 1 }, { "group", 1 }, { "_id", 0 } }).ToListAsync(cancellationToken);
            pairs.AddRange(documents.Select(d => (d["member"].AsString, d["group"].AsString)));
        }
        return pairs;
    }

    // Every group-in-group insert of a tenant writes this one document in its transaction, so two
    // such transactions conflict and the driver retries the later one, whose cycle check then sees
    // the earlier edge. Without transactions (standalone server) this narrows, but does not close, the race.
    private Task SerializeGraphChangeAsync(IClientSessionHandle session, string tenantId, CancellationToken cancellationToken) =>
        _graphLocks.UpdateOneAsync(session, new BsonDocument("_id", tenantId), new BsonDocument("$inc", new BsonDocument("changes", 1L)),
            new UpdateOptions { IsUpsert = true }, cancellationToken);

    public Task<int> RemoveMemberEverywhereAsync(string tenantId, string memberId, MutationInfo mutation, CancellationToken cancellationToken) =>
        _transactions.RunAsync((session, ct) => RemoveEverywhereAsync(session, tenantId, memberId, mutation, ct), cancellationToken);

    private async Task<int> RemoveEverywhereAsync(IClientSessionHandle session, string tenantId, string memberId, MutationInfo mutation, CancellationToken cancellationToken)
    {
        var filter = new BsonDocument { { "tenant", tenantId }, { "member", memberId } };
        var groups = (await _memberships.Find(session, filter).Project(new BsonDocument { { "group", 1 }, { "_id", 0 } }).ToListAsync(cancellationToken))
            .Select(d => d["group"].AsString).ToList();
        await _memberships.DeleteManyAsync(session, filter, cancellationToken: cancellationToken);
        foreach (var groupId in groups)
        {
            var after = await _groups.FindOneAndUpdateAsync<BsonDocument>(session, LiveGroup(tenantId, groupId),
                new BsonDocument
                {
                    { "$inc", new BsonDocument { { "memberCount", -1L }, { "version", 1L } } },
                    { "$set", new BsonDocument("lastModified", mutation.At.UtcDateTime) },
                },
                new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken);
            if (after is not null)
            {
                var version = after["version"].ToInt64();
                await _audit.InsertOneAsync(session, MongoDocuments.Audit(tenantId, groupId, GroupAuditActions.MembersChange, version - 1, version, mutation), cancellationToken: cancellationToken);
            }
        }
        return groups.Count;
    }

    private async Task<(int Added, int Removed)> WriteDifferenceAsync(IClientSessionHandle session, IReadOnlyList<WriteModel<BsonDocument>> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return (0, 0);
        }
        try
        {
            var result = await _memberships.BulkWriteAsync(session, writes, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
            return (result.Upserts.Count, (int)result.DeletedCount);
        }
        catch (MongoBulkWriteException<BsonDocument> ex) when (ex.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            // Two upserts of one new member raced outside a transaction: the loser's member exists, which is what it wanted.
            return (ex.Result.Upserts.Count, (int)ex.Result.DeletedCount);
        }
    }
}
