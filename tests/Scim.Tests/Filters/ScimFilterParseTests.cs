using Identity.Scim.Errors;
using Identity.Scim.Filters;
using Identity.Scim.Paths;

namespace Identity.Scim.Tests.Filters;

public sealed class ScimFilterParseTests
{
    // RFC 7644 §3.4.2.2, Figure 2 "Example Filters", verbatim.
    public static TheoryData<string> RfcExamples => new()
    {
        "userName eq \"bjensen\"",
        "name.familyName co \"O'Malley\"",
        "userName sw \"J\"",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
        "title pr",
        "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
        "meta.lastModified ge \"2011-05-13T04:42:34Z\"",
        "meta.lastModified lt \"2011-05-13T04:42:34Z\"",
        "meta.lastModified le \"2011-05-13T04:42:34Z\"",
        "title pr and userType eq \"Employee\"",
        "title pr or userType eq \"Intern\"",
        "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
        "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
        "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
        "userType eq \"Employee\" and (emails.type eq \"work\")",
        "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
        "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
    };

    [Theory]
    [MemberData(nameof(RfcExamples))]
    public void Parse_RfcExample_PrintsBackToAnEqualTree(string text)
    {
        var filter = ScimFilter.Parse(text);

        var reparsed = ScimFilter.Parse(filter.ToString());
        Assert.Equal(filter, reparsed);
    }

    [Theory]
    [InlineData("eq", ComparisonOperator.Eq)]
    [InlineData("NE", ComparisonOperator.Ne)]
    [InlineData("Co", ComparisonOperator.Co)]
    [InlineData("sw", ComparisonOperator.Sw)]
    [InlineData("ew", ComparisonOperator.Ew)]
    [InlineData("gt", ComparisonOperator.Gt)]
    [InlineData("GE", ComparisonOperator.Ge)]
    [InlineData("lt", ComparisonOperator.Lt)]
    [InlineData("le", ComparisonOperator.Le)]
    public void Parse_ComparisonOperatorInAnyCase_ReadsOperator(string op, ComparisonOperator expected)
    {
        var filter = ScimFilter.Parse($"userName {op} \"x\"");

        Assert.Equal(new ComparisonFilter(new AttributePath(null, "userName"), expected, FilterValue.String("x")), filter);
    }

    [Fact]
    public void Parse_PresentOperator_ReturnsPresentFilter()
    {
        var filter = ScimFilter.Parse("title PR");

        Assert.Equal(new PresentFilter(new AttributePath(null, "title")), filter);
    }

    [Fact]
    public void Parse_AndOrWithoutParentheses_AndBindsTighter()
    {
        var filter = ScimFilter.Parse("a eq 1 or b eq 2 and c eq 3");

        var or = Assert.IsType<OrFilter>(filter);
        Assert.IsType<ComparisonFilter>(or.Left);
        Assert.IsType<AndFilter>(or.Right);
    }

    [Fact]
    public void Parse_ParenthesesAroundOr_GroupsBeforeAnd()
    {
        var filter = ScimFilter.Parse("(a eq 1 or b eq 2) and c eq 3");

        var and = Assert.IsType<AndFilter>(filter);
        Assert.IsType<OrFilter>(and.Left);
        Assert.Equal("(a eq 1 or b eq 2) and c eq 3", filter.ToString());
    }

    [Fact]
    public void Parse_KeywordsInUpperCase_AreRecognised()
    {
        var filter = ScimFilter.Parse("NOT (a PR) AND b Eq TRUE OR c eq NULL");

        Assert.Equal("not (a pr) and b eq true or c eq null", filter.ToString());
    }

    [Fact]
    public void Parse_ChainOfOr_IsLeftAssociative()
    {
        var filter = ScimFilter.Parse("a pr or b pr or c pr");

        var or = Assert.IsType<OrFilter>(filter);
        Assert.IsType<OrFilter>(or.Left);
        Assert.Equal(new PresentFilter(new AttributePath(null, "c")), or.Right);
    }

    [Fact]
    public void Parse_RightNestedAnd_KeepsParenthesesWhenPrinted()
    {
        var filter = ScimFilter.Parse("a pr and (b pr and c pr)");

        Assert.Equal("a pr and (b pr and c pr)", filter.ToString());
        Assert.Equal(filter, ScimFilter.Parse(filter.ToString()));
    }

    [Theory]
    [InlineData("42", FilterValueKind.Number, "42")]
    [InlineData("-1.5e3", FilterValueKind.Number, "-1.5e3")]
    [InlineData("0.25", FilterValueKind.Number, "0.25")]
    [InlineData("true", FilterValueKind.Boolean, "true")]
    [InlineData("False", FilterValueKind.Boolean, "false")]
    [InlineData("null", FilterValueKind.Null, null)]
    [InlineData("\"a\\\"b\\\\c\\u00e9\\n\"", FilterValueKind.String, "a\"b\\c\u00e9\n")]
    public void Parse_CompValue_ReadsJsonLiteral(string literal, FilterValueKind kind, string? text)
    {
        var filter = (ComparisonFilter)ScimFilter.Parse("x eq " + literal);

        Assert.Equal(new FilterValue(kind, text), filter.Value);
    }

    [Fact]
    public void Parse_EscapedString_PrintsJsonEscapes()
    {
        var filter = ScimFilter.Parse("displayName eq \"Tab\\there \\\"quoted\\\"\"");

        Assert.Equal("displayName eq \"Tab\\there \\\"quoted\\\"\"", filter.ToString());
    }

    [Fact]
    public void Parse_UrnQualifiedSubAttribute_SplitsAtLastColon()
    {
        var filter = (ComparisonFilter)ScimFilter.Parse(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915\"");

        Assert.Equal(
            new AttributePath("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "manager", "value"),
            filter.Path);
    }

    [Fact]
    public void Parse_ValuePath_ReadsInnerFilterOnSubAttributes()
    {
        var filter = ScimFilter.Parse("emails[type eq \"work\" and value co \"@example.com\"]");

        var valuePath = Assert.IsType<ValuePathFilter>(filter);
        Assert.Equal(new AttributePath(null, "emails"), valuePath.Path);
        Assert.IsType<AndFilter>(valuePath.Filter);
    }

    [Fact]
    public void Parse_EntraValuePathWithSubAttributeComparison_FoldsIntoValueFilter()
    {
        // docs/idp-dialects.md §2.1: Entra matches on emails[type eq "work"].value eq "...".
        var filter = ScimFilter.Parse("emails[type eq \"work\"].value eq \"u@contoso.com\"");

        Assert.Equal("emails[type eq \"work\" and value eq \"u@contoso.com\"]", filter.ToString());
    }

    [Fact]
    public void Parse_EntraUnquotedValue_ReadsAsString()
    {
        // docs/idp-dialects.md §2.1: "GET .../scim/Users?filter=externalId eq jyoung" is unquoted.
        var filter = ScimFilter.Parse("externalId eq jyoung");

        Assert.Equal(new ComparisonFilter(new AttributePath(null, "externalId"), ComparisonOperator.Eq, FilterValue.String("jyoung")), filter);
    }

    [Fact]
    public void Parse_NotWithoutSpaceBeforeParenthesis_IsNegation()
    {
        var filter = ScimFilter.Parse("not(active eq false)");

        Assert.IsType<NotFilter>(filter);
    }

    [Fact]
    public void Parse_DollarRefSubAttribute_IsAnAttributeName()
    {
        var filter = (ComparisonFilter)ScimFilter.Parse("members.$ref eq \"https://x/Users/1\"");

        Assert.Equal("$ref", filter.Path.SubAttribute);
    }

    [Theory]
    [InlineData("", "character 1: expected an attribute path")]
    [InlineData("userName", "character 9: expected an operator")]
    [InlineData("userName eq", "character 12: expected a value")]
    [InlineData("userName xx \"a\"", "character 10: expected an operator")]
    [InlineData("userName eq \"a", "character 13: expected a closing '\"'")]
    [InlineData("(userName eq \"a\"", "character 17: expected ')' to close '('")]
    [InlineData("userName eq \"a\" and", "character 20: expected an attribute path")]
    [InlineData("userName eq \"a\" xor b pr", "character 17: expected 'and', 'or' or the end of the filter")]
    [InlineData("emails[type eq \"work\"", "character 22: expected ']' to close the value filter")]
    [InlineData("emails[addresses[type pr]]", "value filters cannot nest")]
    [InlineData("1abc eq \"x\"", "character 1: expected an attribute name")]
    [InlineData("userName eq \"\\q\"", "character 14: expected a JSON escape")]
    [InlineData("a eq 1e999999", "out of range")]
    public void Parse_MalformedFilter_ThrowsInvalidFilterWithPosition(string text, string expectedDetail)
    {
        var error = Assert.Throws<ScimException>(() => ScimFilter.Parse(text));

        Assert.Equal("invalidFilter", error.ScimType);
        Assert.Equal(400, error.Status);
        Assert.Contains(expectedDetail, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextOverLengthLimit_ThrowsInvalidFilter()
    {
        var text = "userName eq \"" + new string('a', 5000) + "\"";

        var error = Assert.Throws<ScimException>(() => ScimFilter.Parse(text));

        Assert.Contains("at most 4096", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestingOverDepthLimit_ThrowsInvalidFilter()
    {
        var text = new string('(', 17) + "a pr" + new string(')', 17);

        var error = Assert.Throws<ScimException>(() => ScimFilter.Parse(text));

        Assert.Contains("deeper than 16", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreNodesThanLimit_ThrowsInvalidFilter()
    {
        var text = string.Join(" or ", Enumerable.Range(0, 11).Select(i => $"a{i} pr"));

        var error = Assert.Throws<ScimException>(() => ScimFilter.Parse(text, new FilterLimits(MaxNodes: 20)));

        Assert.Contains("more than 20 expressions", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CustomLimitsWithinBounds_Parses()
    {
        var text = new string('(', 3) + "a pr" + new string(')', 3);

        var filter = ScimFilter.Parse(text, new FilterLimits(MaxDepth: 3));

        Assert.Equal("a pr", filter.ToString());
    }
}
