using Identity.Scim.Errors;
using Identity.Scim.Filters;

namespace Identity.GroupRole.Domain.Filtering;

/// <summary>Turns a SCIM listing request (filter text, sortBy, offset, count) into a validated <see cref="GroupQuery"/>.</summary>
public static class GroupQueryParser
{
    public static GroupQuery Parse(string? filter, string? sortBy, bool descending, int offset, int count)
    {
        FilterNode? node = null;
        if (!string.IsNullOrWhiteSpace(filter))
        {
            try
            {
                node = ScimFilter.Parse(filter);
            }
            catch (ScimException ex)
            {
                throw new GroupRoleException(GroupRoleError.InvalidFilter, ex.Detail);
            }
            GroupFilterFields.Validate(node);
        }
        return new GroupQuery(node, GroupFilterFields.ResolveSort(sortBy), descending, offset, count);
    }
}
