using Identity.GroupRole.Domain;
using Identity.GroupRole.Domain.Filtering;

namespace Identity.GroupRole.Tests.Domain.Filtering;

public sealed class GroupQueryParserTests
{
    [Theory]
    [InlineData("displayName eq")]
    [InlineData("title eq \"x\"")]
    [InlineData("members.value co \"u\"")]
    [InlineData("members[display eq \"x\"]")]
    [InlineData("emails[value eq \"x\"]")]
    [InlineData("displayName gt \"a\"")]
    [InlineData("meta.created gt \"not a date\"")]
    [InlineData("members[type eq \"Robot\"]")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"x\"")]
    public void Parse_UnsupportedOrMalformedFilter_RefusedAsInvalidFilter(string filter)
    {
        var error = Assert.Throws<GroupRoleException>(() => GroupQueryParser.Parse(filter, null, false, 0, 10));

        Assert.Equal(GroupRoleError.InvalidFilter, error.Error);
    }

    [Theory]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq \"x\"")]
    [InlineData("DISPLAYNAME EQ \"x\" OR members[VALUE eq \"u\"]")]
    public void Parse_SupportedFilterInAnySpelling_Accepted(string filter)
    {
        var query = GroupQueryParser.Parse(filter, null, false, 0, 10);

        Assert.Equal(filter.Replace("EQ", "eq", StringComparison.Ordinal).Replace("OR", "or", StringComparison.Ordinal), query.Filter!.ToString());
    }

    [Theory]
    [InlineData(null, GroupField.Id)]
    [InlineData("displayname", GroupField.DisplayName)]
    [InlineData("meta.lastModified", GroupField.LastModified)]
    public void Parse_SortBy_ResolvesField(string? sortBy, GroupField expected)
    {
        var query = GroupQueryParser.Parse(null, sortBy, false, 0, 10);

        Assert.Equal(expected, query.SortBy);
    }
}
