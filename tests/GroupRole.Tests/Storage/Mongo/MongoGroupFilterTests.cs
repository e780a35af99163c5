using Identity.GroupRole.Domain;
using Identity.GroupRole.Domain.Filtering;
using Identity.GroupRole.Storage.Mongo;
using Identity.Scim.Filters;
using MongoDB.Bson;

namespace Identity.GroupRole.Tests.Storage.Mongo;

/// <summary>No MongoDB server runs here, so the queries are checked as the BSON they render to.</summary>
public sealed class MongoGroupFilterTests
{
    private static readonly Dictionary<FilterNode, IReadOnlyCollection<string>> NoMembers = [];

    [Theory]
    [InlineData("displayName eq \"Ops\"", """{ "nameKey" : "OPS" }""")]
    [InlineData("externalId eq \"x-1\"", """{ "externalId" : "x-1" }""")]
    [InlineData("id ne \"g1\"", """{ "gid" : { "$ne" : "g1" } }""")]
    [InlineData("displayName sw \"a.b\"", """{ "nameKey" : { "$regularExpression" : { "pattern" : "^A\\.B", "options" : "" } } }""")]
    [InlineData("externalId ew \"(x)\"", """{ "externalId" : { "$regularExpression" : { "pattern" : "\\(x\\)\\z", "options" : "" } } }""")]
    [InlineData("externalId pr", """{ "externalId" : { "$exists" : true, "$nin" : [null, ""] } }""")]
    [InlineData("meta.created ge \"2026-01-02T03:04:05Z\"", """{ "created" : { "$gte" : { "$date" : "2026-01-02T03:04:05Z" } } }""")]
    [InlineData("id eq \"a\" or not (id eq \"b\")", """{ "$or" : [{ "gid" : "a" }, { "$nor" : [{ "gid" : "b" }] }] }""")]
    public void Render_Filter_RendersExpectedQuery(string filter, string expected)
    {
        var node = GroupQueryParser.Parse(filter, null, false, 0, 10).Filter!;

        var query = MongoGroupFilter.Render("t1", node, NoMembers);

        Assert.Equal($$"""{ "tenant" : "t1", "deleted" : false, "$and" : [{{expected}}] }""", query.ToJson());
    }

    [Theory]
    // A leading "/" is data, not a /pattern/options literal: "/" must not throw, "/a/i" must not turn case-insensitive.
    [InlineData("externalId co \"/\"", "externalId", "/")]
    [InlineData("externalId co \"/a/i\"", "externalId", "/a/i")]
    [InlineData("externalId sw \"/\"", "externalId", "^/")]
    [InlineData("displayName ew \"/a/i\"", "nameKey", @"/A/I\z")]
    [InlineData("id co \"/g/\"", "gid", "/g/")]
    // Every regex metacharacter is escaped, on each operator.
    [InlineData("externalId co \".*+?()[]{}|^$\\\\\"", "externalId", @"\.\*\+\?\(\)\[]\{}\|\^\$\\")]
    [InlineData("externalId sw \".*+?()[]{}|^$\\\\\"", "externalId", @"^\.\*\+\?\(\)\[]\{}\|\^\$\\")]
    [InlineData("displayName ew \".*+?()[]{}|^$\\\\\"", "nameKey", @"\.\*\+\?\(\)\[]\{}\|\^\$\\\z")]
    // NUL cannot sit in a BSON regex (a C string): it is spelled as an escape.
    [InlineData("externalId co \"a\\u0000b\"", "externalId", @"a\x00b")]
    public void Render_SubstringOperators_BuildRegexTreatingTheValueAsData(string filter, string field, string pattern)
    {
        var node = GroupQueryParser.Parse(filter, null, false, 0, 10).Filter!;

        var query = MongoGroupFilter.Render("t1", node, NoMembers);

        var condition = query["$and"][0].AsBsonDocument;
        var regex = Assert.IsType<BsonRegularExpression>(condition[field]);
        Assert.Equal((pattern, ""), (regex.Pattern, regex.Options));
        Assert.NotEmpty(query.ToBson());
    }

    [Theory]
    [InlineData("co", "pre{0}post", true)]
    [InlineData("sw", "{0}post", true)]
    [InlineData("sw", "x{0}", false)]
    [InlineData("ew", "pre{0}", true)]
    [InlineData("ew", "{0}\n", false)]
    public void Render_MetacharacterValue_MatchesOnlyTheLiteralText(string op, string candidateFormat, bool matches)
    {
        // .NET's regex stands in for MongoDB's PCRE: both read these escapes and \z alike.
        const string value = ".*+?()[]{}|^$\\/";
        var filter = $"externalId {op} \"{value.Replace("\\", "\\\\", StringComparison.Ordinal)}\"";
        var node = GroupQueryParser.Parse(filter, null, false, 0, 10).Filter!;
        var regex = Assert.IsType<BsonRegularExpression>(MongoGroupFilter.Render("t1", node, NoMembers)["$and"][0]["externalId"]);

        var candidate = string.Format(System.Globalization.CultureInfo.InvariantCulture, candidateFormat, value).Replace("\\n", "\n", StringComparison.Ordinal);

        Assert.Equal(matches, System.Text.RegularExpressions.Regex.IsMatch(candidate, regex.Pattern));
    }

    [Theory]
    // Validation lets only eq into members[...]; the renderer refuses anything else on its own
    // (parsed here without that validation) rather than read ne as eq.
    [InlineData("members[value ne \"u1\"]")]
    [InlineData("members[type ne \"User\"]")]
    [InlineData("members[value eq \"u1\" and value ne \"u2\"]")]
    public void MemberPredicates_NeInsideMembersFilter_IsRefused(string filter)
    {
        var error = Assert.Throws<GroupRoleException>(() =>
            MongoGroupFilter.MemberPredicates("t1", ScimFilter.Parse(filter)));

        Assert.Equal(GroupRoleError.InvalidFilter, error.Error);
    }

    [Fact]
    public void Render_NoFilter_SelectsTenantsLiveGroups()
    {
        var query = MongoGroupFilter.Render("t1", null, NoMembers);

        Assert.Equal("""{ "tenant" : "t1", "deleted" : false }""", query.ToJson());
    }

    [Fact]
    public void MemberPredicates_ValuePathAndMembersValue_QueryMembershipsThenRenderGidIn()
    {
        var node = GroupQueryParser.Parse("members[value eq \"u1\" and type eq \"Group\"] and members.value eq \"u2\"", null, false, 0, 10).Filter!;

        var predicates = MongoGroupFilter.MemberPredicates("t1", node);
        var answers = predicates.ToDictionary(p => p.Node, p => (IReadOnlyCollection<string>)[p.Node is ValuePathFilter ? "g1" : "g2"]);
        var query = MongoGroupFilter.Render("t1", node, answers);

        Assert.Equal(
            [
                """{ "tenant" : "t1", "$and" : [{ "$and" : [{ "member" : "u1" }, { "type" : 2 }] }] }""",
                """{ "tenant" : "t1", "member" : "u2" }""",
            ],
            predicates.Select(p => p.MembershipQuery.ToJson()));
        Assert.Equal("""{ "tenant" : "t1", "deleted" : false, "$and" : [{ "$and" : [{ "gid" : { "$in" : ["g1"] } }, { "gid" : { "$in" : ["g2"] } }] }] }""", query.ToJson());
    }

    [Theory]
    [InlineData(GroupField.Id, false, """{ "gid" : 1 }""")]
    [InlineData(GroupField.DisplayName, true, """{ "nameKey" : -1, "gid" : -1 }""")]
    public void Sort_Field_AddsGidTieBreak(GroupField field, bool descending, string expected)
    {
        var sort = MongoGroupFilter.Sort(field, descending);

        Assert.Equal(expected, sort.ToJson());
    }
}
