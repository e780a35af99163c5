using System.Globalization;
using Identity.Scim.Filters;
using Identity.Scim.Paths;

namespace Identity.GroupRole.Domain.Filtering;

/// <summary>
/// Which parts of the SCIM filter language group listings answer: string operators on id,
/// displayName and externalId, ordering on meta.created/meta.lastModified, membership tests
/// (<c>members.value eq</c>, <c>members[value eq "x"]</c>), combined with and/or/not.
/// Anything else is refused as invalidFilter before a store sees it.
/// </summary>
public static class GroupFilterFields
{
    private const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /// <summary>Throws <see cref="GroupRoleException"/> (InvalidFilter) unless every node is answerable.</summary>
    public static void Validate(FilterNode node)
    {
        switch (node)
        {
            case AndFilter and:
                Validate(and.Left);
                Validate(and.Right);
                break;
            case OrFilter or:
                Validate(or.Left);
                Validate(or.Right);
                break;
            case NotFilter not:
                Validate(not.Inner);
                break;
            case PresentFilter present:
                RequireOperator(Resolve(present.Path), op: null, present.Path);
                break;
            case ComparisonFilter comparison:
                RequireOperator(Resolve(comparison.Path), comparison.Operator, comparison.Path);
                RequireValue(Resolve(comparison.Path), comparison.Value);
                break;
            case ValuePathFilter valuePath:
                if (!IsMembers(valuePath.Path) || valuePath.Path.SubAttribute is not null)
                {
                    throw Invalid($"'{valuePath.Path}[...]' is not supported; only members[...] is");
                }
                ValidateMemberFilter(valuePath.Filter);
                break;
            default:
                throw Invalid($"'{node}' is not supported");
        }
    }

    /// <summary>The field a top-level path names.</summary>
    public static GroupField Resolve(AttributePath path)
    {
        if (path.SchemaUri is not null && !string.Equals(path.SchemaUri, GroupSchema, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid($"attribute '{path}' is not a Group attribute");
        }
        var name = path.LocalName;
        if (Is(name, "id")) return GroupField.Id;
        if (Is(name, "displayName")) return GroupField.DisplayName;
        if (Is(name, "externalId")) return GroupField.ExternalId;
        if (Is(name, "meta.created")) return GroupField.Created;
        if (Is(name, "meta.lastModified")) return GroupField.LastModified;
        if (Is(name, "members.value")) return GroupField.MemberValue;
        throw Invalid($"attribute '{path}' cannot be filtered on; use id, displayName, externalId, meta.created, meta.lastModified or members.value");
    }

    /// <summary>A sub-attribute inside <c>members[...]</c>.</summary>
    public static GroupField ResolveMember(AttributePath path)
    {
        if (path.SchemaUri is null && path.SubAttribute is null)
        {
            if (Is(path.Name, "value")) return GroupField.MemberValue;
            if (Is(path.Name, "type")) return GroupField.MemberType;
        }
        throw Invalid($"'members[{path} ...]' is not supported; use value or type");
    }

    /// <summary>The sort field for a SCIM sortBy; empty sorts by id, which follows creation order.</summary>
    public static GroupField ResolveSort(string? sortBy)
    {
        if (string.IsNullOrEmpty(sortBy))
        {
            return GroupField.Id;
        }
        var field = Resolve(ParsePath(sortBy));
        return field is GroupField.MemberValue ? throw Invalid("sortBy members.value is not supported") : field;
    }

    /// <summary>A comparison value for meta.created/meta.lastModified.</summary>
    public static DateTimeOffset ParseDate(FilterValue value) =>
        DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : throw Invalid($"{value} is not a dateTime");

    /// <summary>The stored kind for a members[type eq "..."] value.</summary>
    public static MemberKind ParseMemberKind(FilterValue value) =>
        value.Kind == FilterValueKind.String && Is(value.Text!, "User") ? MemberKind.User
        : value.Kind == FilterValueKind.String && Is(value.Text!, "Group") ? MemberKind.Group
        : throw Invalid($"members type {value} is neither \"User\" nor \"Group\"");

    private static void ValidateMemberFilter(FilterNode node)
    {
        switch (node)
        {
            case AndFilter and:
                ValidateMemberFilter(and.Left);
                ValidateMemberFilter(and.Right);
                break;
            case OrFilter or:
                ValidateMemberFilter(or.Left);
                ValidateMemberFilter(or.Right);
                break;
            case ComparisonFilter { Operator: ComparisonOperator.Eq } comparison:
                if (ResolveMember(comparison.Path) == GroupField.MemberType)
                {
                    ParseMemberKind(comparison.Value);
                }
                else if (comparison.Value.Kind != FilterValueKind.String)
                {
                    throw Invalid("members value must be compared with a string");
                }
                break;
            default:
                throw Invalid($"'{node}' inside members[...] is not supported; use value eq / type eq with and/or");
        }
    }

    private static void RequireOperator(GroupField field, ComparisonOperator? op, AttributePath path)
    {
        var allowed = field switch
        {
            GroupField.MemberValue => op is ComparisonOperator.Eq,
            GroupField.Created or GroupField.LastModified => op is not (ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew),
            _ => op is null or ComparisonOperator.Eq or ComparisonOperator.Ne or ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew,
        };
        if (!allowed)
        {
            throw Invalid($"operator '{op?.ToString().ToLowerInvariant() ?? "pr"}' is not supported on '{path}'");
        }
    }

    private static void RequireValue(GroupField field, FilterValue value)
    {
        if (field is GroupField.Created or GroupField.LastModified)
        {
            ParseDate(value);
        }
        else if (value.Kind != FilterValueKind.String)
        {
            throw Invalid($"'{field}' must be compared with a string, not {value}");
        }
    }

    private static AttributePath ParsePath(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)
            ? new AttributePath(text[..text.LastIndexOf(':')], text[(text.LastIndexOf(':') + 1)..])
            : dot < 0 ? new AttributePath(null, text) : new AttributePath(null, text[..dot], text[(dot + 1)..]);
    }

    private static bool IsMembers(AttributePath path) =>
        path.SchemaUri is null || string.Equals(path.SchemaUri, GroupSchema, StringComparison.OrdinalIgnoreCase)
            ? Is(path.Name, "members")
            : false;

    private static bool Is(string actual, string expected) => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);

    private static GroupRoleException Invalid(string detail) => new(GroupRoleError.InvalidFilter, $"The filter is not supported for groups: {detail}.");
}
