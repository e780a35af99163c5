using Identity.Scim.Errors;
using Identity.Scim.Filters;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;

namespace Identity.Scim.Tests.Filters;

public sealed class FilterEvaluatorTests
{
    private static readonly FilterEvaluator Users = new(SchemaRegistry.Default.Users);

    [Theory]
    [InlineData("userName eq \"BJENSEN@example.com\"", true)]
    [InlineData("userName eq \"bjensen\"", false)]
    [InlineData("name.familyName co \"ens\"", true)]
    [InlineData("userName sw \"bj\"", true)]
    [InlineData("userName ew \"@EXAMPLE.COM\"", true)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"b\"", true)]
    [InlineData("title pr", true)]
    [InlineData("profileUrl pr", false)]
    [InlineData("meta.lastModified gt \"2011-05-13T04:42:33Z\"", true)]
    [InlineData("meta.lastModified ge \"2011-05-13T04:42:34Z\"", true)]
    [InlineData("meta.lastModified lt \"2011-05-13T04:42:34Z\"", false)]
    [InlineData("meta.lastModified le \"2011-05-13T06:42:34+02:00\"", true)]
    [InlineData("title pr and userType eq \"Employee\"", true)]
    [InlineData("title pr and userType eq \"Intern\"", false)]
    [InlineData("userType eq \"Intern\" or title pr", true)]
    [InlineData("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"", true)]
    [InlineData("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")", true)]
    [InlineData("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")", false)]
    [InlineData("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]", true)]
    [InlineData("emails[type eq \"home\" and value co \"@example.com\"]", false)]
    [InlineData("emails[type eq \"work\"].value eq \"bjensen@example.com\"", true)]
    [InlineData("emails[not (type eq \"work\")]", true)]
    [InlineData("active eq true", true)]
    [InlineData("active ne true", false)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"tour operations\"", true)]
    [InlineData("department eq \"Tour Operations\"", true)]
    [InlineData("nickName eq null", false)]
    [InlineData("profileUrl eq null", true)]
    [InlineData("emails.type eq \"home\"", true)]
    [InlineData("emails.type ne \"home\"", false)]
    [InlineData("phoneNumbers[type eq \"mobile\"]", true)]
    [InlineData("favouriteColour eq \"BLUE\"", false)]
    public void Matches_RfcStyleFilterOnBjensen_ReturnsExpected(string text, bool expected)
    {
        var filter = ScimFilter.Parse(text);

        var matches = Users.Matches(filter, Fixtures.User());

        Assert.Equal(expected, matches);
    }

    [Fact]
    public void Matches_CaseExactAttribute_ComparesOrdinally()
    {
        var user = Fixtures.User();

        var exact = Users.Matches(ScimFilter.Parse("id eq \"2819c223-7f76-453a-919d-413861904646\""), user);
        var otherCase = Users.Matches(ScimFilter.Parse("id eq \"2819C223-7F76-453A-919D-413861904646\""), user);

        Assert.True(exact);
        Assert.False(otherCase);
    }

    [Fact]
    public void Matches_UnknownAttribute_ComparesAsCaseInsensitiveString()
    {
        var resource = Json.Object("""{"favouriteColour":"Blue","shoeSize":42}""");

        var colour = Users.Matches(ScimFilter.Parse("favouriteColour eq \"BLUE\""), resource);
        var size = Users.Matches(ScimFilter.Parse("shoeSize eq 42"), resource);

        Assert.True(colour);
        Assert.True(size);
    }

    [Fact]
    public void Matches_BooleanStoredAsString_ComparesAsBoolean()
    {
        // docs/idp-dialects.md §2.4: OneLogin templates may have stored "active": "true".
        var resource = Json.Object("""{"active":"True"}""");

        var matches = Users.Matches(ScimFilter.Parse("active eq true"), resource);

        Assert.True(matches);
    }

    [Fact]
    public void Matches_GroupDisplayName_IsCaseInsensitive()
    {
        var groups = new FilterEvaluator(SchemaRegistry.Default.Groups);

        var matches = groups.Matches(ScimFilter.Parse("displayName eq \"tour guides\" and members[value eq \"902c246b-6245-4190-8e05-00816be7344a\"]"), Fixtures.Group());

        Assert.True(matches);
    }

    [Fact]
    public void Matches_NumericComparisonOnExtensionInteger_ComparesNumbers()
    {
        var registry = SchemaRegistry.Default.WithExtensions("User", [Json.Object("""
            {"id":"urn:example:ext:1.0:User","name":"Ext","attributes":[{"name":"level","type":"integer"}]}
            """)]);
        var evaluator = new FilterEvaluator(registry.Users);
        var resource = Json.Object("""{"urn:example:ext:1.0:User":{"level":10}}""");

        var greater = evaluator.Matches(ScimFilter.Parse("urn:example:ext:1.0:User:level gt 9"), resource);
        var lower = evaluator.Matches(ScimFilter.Parse("level lt 9.5"), resource);

        Assert.True(greater);
        Assert.False(lower);
    }

    [Theory]
    [InlineData("active gt true", "only eq and ne")]
    [InlineData("active eq \"maybe\"", "compare it with true or false")]
    [InlineData("meta.created gt \"yesterday\"", "xsd:dateTime")]
    [InlineData("x509Certificates.value lt \"AAAA\"", "binary")]
    public void Compile_OperatorUnfitForType_ThrowsInvalidFilter(string text, string expectedDetail)
    {
        var filter = ScimFilter.Parse(text);

        var error = Assert.Throws<ScimException>(() => Users.Compile(filter));

        Assert.Equal("invalidFilter", error.ScimType);
        Assert.Contains(expectedDetail, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ThenRunOverMany_SelectsOnlyMatches()
    {
        var predicate = Users.Compile(ScimFilter.Parse("userName sw \"user1\""));
        var users = Enumerable.Range(0, 30).Select(i => Json.Object($$"""{"userName":"user{{i}}"}""")).ToList();

        var count = users.Count(predicate);

        Assert.Equal(11, count);
    }
}
