using Identity.GroupRole.Domain;
using Identity.GroupRole.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Identity.GroupRole.Tests.Storage.Mongo;

public sealed class MongoDocumentsTests
{
    [Fact]
    public void Group_RoundTrip_KeepsFieldsAtMillisecondPrecision()
    {
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, 123, TimeSpan.Zero);
        var group = new GroupRecord("t1", "g1", "Ops Team", "ext", 1, at, at, 3, "{\"x\":1}");

        var document = MongoDocuments.Group(group, 3);
        var back = MongoDocuments.ToGroup(BsonSerializer(document));

        Assert.Equal(group, back);
        Assert.Equal("OPS TEAM", document["nameKey"].AsString);
    }

    [Fact]
    public void MembershipWrites_AddAndRemove_UpsertOnlyInsertsAndDeleteByKey()
    {
        var writes = MongoGroupRoleStore.MembershipWrites("t1", "g1", [new MemberRecord("u1", MemberKind.User, "Ann")], ["u2"]);

        var upsert = Assert.IsType<UpdateOneModel<BsonDocument>>(writes[0]);
        var delete = Assert.IsType<DeleteOneModel<BsonDocument>>(writes[1]);
        Assert.True(upsert.IsUpsert);
        Assert.Equal("""{ "tenant" : "t1", "group" : "g1", "member" : "u1" }""", Render(upsert.Filter));
        Assert.Equal("""{ "$setOnInsert" : { "type" : 1, "display" : "Ann" } }""", ((BsonDocumentUpdateDefinition<BsonDocument>)upsert.Update).Document.ToJson());
        Assert.Equal("""{ "tenant" : "t1", "group" : "g1", "member" : "u2" }""", Render(delete.Filter));
    }

    [Fact]
    public void Indexes_MembershipsAndNames_UniqueWhereQueriesNeedThem()
    {
        var unique = MongoIndexes.All.Where(i => i.Options.Unique == true).Select(i => $"{i.Collection}:{i.Keys.ToJson()}");

        Assert.Equal(
            [
                """groups:{ "tenant" : 1, "gid" : 1 }""",
                """groups:{ "tenant" : 1, "nameKey" : 1 }""",
                """memberships:{ "tenant" : 1, "group" : 1, "member" : 1 }""",
                """role_mappings:{ "tenant" : 1, "mid" : 1 }""",
                """user_state:{ "tenant" : 1, "user" : 1 }""",
            ],
            unique);
        Assert.Contains(MongoIndexes.All, i => i.Collection == MongoCollections.Memberships && i.Keys.ToJson() == """{ "tenant" : 1, "member" : 1 }""");
    }

    // Stored dates come back as UTC BsonDateTime; a BSON round trip shows what reading returns.
    private static BsonDocument BsonSerializer(BsonDocument document) =>
        MongoDB.Bson.Serialization.BsonSerializer.Deserialize<BsonDocument>(document.ToBson());

    private static string Render(FilterDefinition<BsonDocument> filter) =>
        ((BsonDocumentFilterDefinition<BsonDocument>)filter).Document.ToJson();
}
