using Identity.Scim.Errors;
using Identity.Scim.Filters;
using Identity.Scim.Paths;

namespace Identity.Scim.Tests.Paths;

public sealed class ScimPathTests
{
    [Theory]
    [InlineData("userName")]
    [InlineData("name.givenName")]
    [InlineData("members")]
    [InlineData("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]")]
    [InlineData("emails[type eq \"work\"].value")]
    [InlineData("addresses[type eq \"work\" and primary eq true].streetAddress")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")]
    [InlineData("manager[value eq \"x\"]")]
    [InlineData("members.$ref")]
    public void Parse_ValidPath_PrintsBackToSameText(string text)
    {
        var path = ScimPath.Parse(text);

        Assert.Equal(text, path.ToString());
        Assert.Equal(path, ScimPath.Parse(path.ToString()));
    }

    [Fact]
    public void Parse_ValuePathWithSubAttribute_SplitsParts()
    {
        var path = ScimPath.Parse("emails[type eq \"work\"].value");

        Assert.Equal(new AttributePath(null, "emails"), path.Attribute);
        Assert.Equal(new ComparisonFilter(new AttributePath(null, "type"), ComparisonOperator.Eq, FilterValue.String("work")), path.ValueFilter);
        Assert.Equal("value", path.SubAttribute);
    }

    [Fact]
    public void Parse_DottedPath_KeepsSubAttributeInAttributePath()
    {
        var path = ScimPath.Parse("name.familyName");

        Assert.Equal(new AttributePath(null, "name", "familyName"), path.Attribute);
        Assert.Null(path.ValueFilter);
        Assert.Null(path.SubAttribute);
    }

    [Fact]
    public void Parse_UrnQualifiedExtensionPath_KeepsSchema()
    {
        var path = ScimPath.Parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");

        Assert.Equal("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", path.Attribute.SchemaUri);
        Assert.Equal("department", path.Attribute.Name);
    }

    [Theory]
    [InlineData("", "expected an attribute path")]
    [InlineData("name.", "sub-attribute name")]
    [InlineData("emails[type eq \"work\"", "']' to close")]
    [InlineData("emails[type eq \"work\"]value", "'.subAttribute' or the end of the path")]
    [InlineData("emails[type eq \"work\"].", "sub-attribute name after ']'")]
    [InlineData("name.givenName[type eq \"x\"]", "not a sub-attribute")]
    [InlineData("members value", "'[' or the end of the path")]
    [InlineData("emails[type zz \"work\"]", "expected an operator")]
    [InlineData("foo:bar", "only 'urn:' prefixes")]
    [InlineData("urn:", "schema URN")]
    public void Parse_MalformedPath_ThrowsInvalidPath(string text, string expectedDetail)
    {
        var error = Assert.Throws<ScimException>(() => ScimPath.Parse(text));

        Assert.Equal("invalidPath", error.ScimType);
        Assert.Contains(expectedDetail, error.Detail, StringComparison.Ordinal);
    }
}
