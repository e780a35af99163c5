using Identity.GroupRole.Domain;
using MongoDB.Bson;

namespace Identity.GroupRole.Storage.Mongo;

/// <summary>Pure conversions between records and the BSON documents stored for them.</summary>
public static class MongoDocuments
{
    public static BsonDocument Group(GroupRecord group, long memberCount) => new()
    {
        { "tenant", group.TenantId },
        { "gid", group.Id },
        { "name", group.DisplayName },
        { "nameKey", group.DisplayName.ToUpperInvariant() },
        { "externalId", (BsonValue?)group.ExternalId ?? BsonNull.Value },
        { "version", 1L },
        { "created", group.Created.UtcDateTime },
        { "lastModified", group.LastModified.UtcDateTime },
        { "memberCount", memberCount },
        { "extraJson", group.ExtraJson },
        { "deleted", false },
    };

    public static GroupRecord ToGroup(BsonDocument d) => new(
        d["tenant"].AsString,
        d["gid"].AsString,
        d["name"].AsString,
        d["externalId"].IsBsonNull ? null : d["externalId"].AsString,
        d["version"].ToInt64(),
        Time(d["created"]),
        Time(d["lastModified"]),
        d["memberCount"].ToInt64(),
        d["extraJson"].AsString);

    /// <summary>The membership key: tenant, group and member, as the unique index has it.</summary>
    public static BsonDocument MembershipKey(string tenantId, string groupId, string memberId) =>
        new() { { "tenant", tenantId }, { "group", groupId }, { "member", memberId } };

    /// <summary>Fields written only when the upsert inserts, so re-adding a member changes nothing.</summary>
    public static BsonDocument MembershipInsert(MemberRecord member) => new("$setOnInsert", new BsonDocument
    {
        { "type", (int)member.Kind },
        { "display", (BsonValue?)member.Display ?? BsonNull.Value },
    });

    public static MemberRecord ToMember(BsonDocument d) => new(
        d["member"].AsString,
        (MemberKind)d["type"].ToInt32(),
        d.GetValue("display", BsonNull.Value).IsBsonNull ? null : d["display"].AsString);

    public static BsonDocument Audit(string tenantId, string groupId, string action, long before, long after, MutationInfo mutation) => new()
    {
        { "tenant", tenantId },
        { "group", groupId },
        { "actor", mutation.Actor },
        { "action", action },
        { "versionBefore", before },
        { "versionAfter", after },
        { "at", mutation.At.UtcDateTime },
        { "requestId", mutation.RequestId },
    };

    public static GroupAuditRecord ToAudit(BsonDocument d) => new(
        d["tenant"].AsString, d["group"].AsString, d["actor"].AsString, d["action"].AsString,
        d["versionBefore"].ToInt64(), d["versionAfter"].ToInt64(), Time(d["at"]), d["requestId"].AsString);

    public static RoleMappingRecord ToMapping(BsonDocument d) => new(
        d["tenant"].AsString,
        d["mid"].AsString,
        d["group"].IsBsonNull ? null : d["group"].AsString,
        d["groupName"].IsBsonNull ? null : d["groupName"].AsString,
        d["roles"].AsBsonArray.Select(r => r.AsString).ToList(),
        Time(d["created"]));

    public static UserState ToUserState(BsonDocument? d) => d is null
        ? UserState.Default
        : new UserState(d.GetValue("suspended", false).ToBoolean(), d.GetValue("roles", new BsonArray()).AsBsonArray.Select(r => r.AsString).ToList());

    private static DateTimeOffset Time(BsonValue value) => new(DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc));
}
