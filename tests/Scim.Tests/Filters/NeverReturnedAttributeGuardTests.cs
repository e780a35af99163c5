using Identity.Scim.Errors;
using Identity.Scim.Filters;
using Identity.Scim.Paths;
using Identity.Scim.Schemas;

namespace Identity.Scim.Tests.Filters;

public sealed class NeverReturnedAttributeGuardTests
{
    private static ResourceSchema Users => SchemaRegistry.Default.Users;

    [Theory]
    [InlineData("password eq \"x\"")]
    [InlineData("userName eq \"bob\" and password sw \"S\"")]
    [InlineData("not (Password co \"a\")")]
    [InlineData("emails[value pr] or PASSWORD pr")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:password gt \"m\"")]
    public void FilterNamingPassword_IsInvalidFilter(string filter)
    {
        var error = Assert.Throws<ScimException>(() => NeverReturnedAttributeGuard.ThrowIfReferenced(ScimFilter.Parse(filter), Users));

        Assert.Equal((400, ScimErrorTypes.InvalidFilter), (error.Status, error.ScimType));
    }

    [Theory]
    [InlineData("userName eq \"bob\"")]
    [InlineData("emails[value sw \"pass\"] and displayName co \"password\"")]
    public void FilterWithoutPassword_Passes(string filter) =>
        NeverReturnedAttributeGuard.ThrowIfReferenced(ScimFilter.Parse(filter), Users);

    [Fact]
    public void SortByPassword_IsInvalidFilter_SortByUserNamePasses()
    {
        var error = Assert.Throws<ScimException>(() => NeverReturnedAttributeGuard.ThrowIfNeverReturned(AttributePath.Parse("password", "sortBy"), Users, "sortBy"));
        NeverReturnedAttributeGuard.ThrowIfNeverReturned(AttributePath.Parse("userName", "sortBy"), Users, "sortBy");

        Assert.Equal(ScimErrorTypes.InvalidFilter, error.ScimType);
    }
}
