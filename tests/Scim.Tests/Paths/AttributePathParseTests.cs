using Identity.Scim.Errors;
using Identity.Scim.Paths;

namespace Identity.Scim.Tests.Paths;

public sealed class AttributePathParseTests
{
    [Theory]
    [InlineData("userName", "userName")]
    [InlineData(" name.givenName ", "name.givenName")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")]
    [InlineData("meta.lastModified", "meta.lastModified")]
    public void Parse_AttributePath_PrintsBack(string text, string printed)
    {
        Assert.Equal(printed, AttributePath.Parse(text, "sortBy").ToString());
    }

    [Theory]
    [InlineData("urn:")]
    [InlineData("name..givenName")]
    [InlineData("userName.")]
    [InlineData("user\0Name")]
    [InlineData("emails[type eq \"work\"]")]
    [InlineData("a:b")]
    [InlineData("")]
    public void Parse_Malformed_IsInvalidPathNamingTheParameter(string text)
    {
        var error = Assert.Throws<ScimException>(() => AttributePath.Parse(text, "sortBy"));

        Assert.Equal(ScimErrorTypes.InvalidPath, error.ScimType);
        Assert.StartsWith("sortBy", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongerThanTheLimit_IsInvalidPath()
    {
        var error = Assert.Throws<ScimException>(() => AttributePath.Parse(new string('a', AttributePath.MaxLength + 1), "sortBy"));

        Assert.Contains($"at most {AttributePath.MaxLength}", error.Detail, StringComparison.Ordinal);
    }
}
