using System.Text.RegularExpressions;
using Identity.GroupRole.Domain;
using Identity.GroupRole.Domain.Filtering;
using Identity.Scim.Filters;
using MongoDB.Bson;

namespace Identity.GroupRole.Storage.Mongo;

/// <summary>
/// Pure functions from a validated group filter to MongoDB query documents. Membership tests
/// cannot join, so they are rendered in two steps: <see cref="MemberPredicates"/> lists the
/// membership queries to run first, and <see cref="Render"/> turns each one's group ids into
/// <c>gid $in [...]</c>.
/// </summary>
public static class MongoGroupFilter
{
    // \z, not $: without the m option PCRE's $ also matches before a final newline, so "ew x" would match "x\n".
    private const string EndOfText = "\\z";

    /// <summary>The groups query: the tenant's live groups matching <paramref name="filter"/>.</summary>
    public static BsonDocument Render(string tenantId, FilterNode? filter, IReadOnlyDictionary<FilterNode, IReadOnlyCollection<string>> memberGroups)
    {
        var query = new BsonDocument { { "tenant", tenantId }, { "deleted", false } };
        if (filter is not null)
        {
            query.Add("$and", new BsonArray { Node(filter, memberGroups) });
        }
        return query;
    }

    /// <summary>Each membership test in the filter with the memberships query that answers it (tenant included).</summary>
    public static IReadOnlyList<(FilterNode Node, BsonDocument MembershipQuery)> MemberPredicates(string tenantId, FilterNode? filter)
    {
        var found = new List<(FilterNode, BsonDocument)>();
        Collect(filter);
        return found;

        void Collect(FilterNode? node)
        {
            switch (node)
            {
                case AndFilter and: Collect(and.Left); Collect(and.Right); break;
                case OrFilter or: Collect(or.Left); Collect(or.Right); break;
                case NotFilter not: Collect(not.Inner); break;
                case ValuePathFilter valuePath:
                    found.Add((node, new BsonDocument { { "tenant", tenantId }, { "$and", new BsonArray { Member(valuePath.Filter) } } }));
                    break;
                case ComparisonFilter comparison when GroupFilterFields.Resolve(comparison.Path) == GroupField.MemberValue:
                    found.Add((node, new BsonDocument { { "tenant", tenantId }, { "member", comparison.Value.Text } }));
                    break;
            }
        }
    }

    /// <summary>The field a group query or sort uses for <paramref name="field"/>.</summary>
    public static string Field(GroupField field) => field switch
    {
        GroupField.Id => "gid",
        GroupField.DisplayName => "nameKey",
        GroupField.ExternalId => "externalId",
        GroupField.Created => "created",
        GroupField.LastModified => "lastModified",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a groups field."),
    };

    /// <summary>The sort document: the field, then gid so pages never overlap.</summary>
    public static BsonDocument Sort(GroupField field, bool descending)
    {
        var direction = descending ? -1 : 1;
        return field == GroupField.Id
            ? new BsonDocument("gid", direction)
            : new BsonDocument { { Field(field), direction }, { "gid", direction } };
    }

    private static BsonDocument Node(FilterNode node, IReadOnlyDictionary<FilterNode, IReadOnlyCollection<string>> memberGroups) => node switch
    {
        AndFilter and => new BsonDocument("$and", new BsonArray { Node(and.Left, memberGroups), Node(and.Right, memberGroups) }),
        OrFilter or => new BsonDocument("$or", new BsonArray { Node(or.Left, memberGroups), Node(or.Right, memberGroups) }),
        NotFilter not => new BsonDocument("$nor", new BsonArray { Node(not.Inner, memberGroups) }),
        ValuePathFilter or ComparisonFilter when memberGroups.TryGetValue(node, out var ids) =>
            new BsonDocument("gid", new BsonDocument("$in", new BsonArray(ids))),
        PresentFilter present => new BsonDocument(Field(GroupFilterFields.Resolve(present.Path)),
            new BsonDocument { { "$exists", true }, { "$nin", new BsonArray { BsonNull.Value, "" } } }),
        ComparisonFilter comparison => Compare(GroupFilterFields.Resolve(comparison.Path), comparison.Operator, comparison.Value),
        _ => throw new GroupRoleException(GroupRoleError.InvalidFilter, $"The filter '{node}' is not supported for groups."),
    };

    private static BsonDocument Compare(GroupField field, ComparisonOperator op, FilterValue value)
    {
        BsonValue operand = field switch
        {
            GroupField.Created or GroupField.LastModified => new BsonDateTime(GroupFilterFields.ParseDate(value).UtcDateTime),
            GroupField.DisplayName => value.Text!.ToUpperInvariant(),
            _ => value.Text!,
        };
        var text = operand.IsString ? operand.AsString : "";
        var condition = op switch
        {
            ComparisonOperator.Eq => operand,
            ComparisonOperator.Ne => new BsonDocument("$ne", operand),
            ComparisonOperator.Co => Literal("", text, ""),
            ComparisonOperator.Sw => Literal("^", text, ""),
            ComparisonOperator.Ew => Literal("", text, EndOfText),
            ComparisonOperator.Gt => new BsonDocument("$gt", operand),
            ComparisonOperator.Ge => new BsonDocument("$gte", operand),
            ComparisonOperator.Lt => new BsonDocument("$lt", operand),
            _ => (BsonValue)new BsonDocument("$lte", operand),
        };
        return new BsonDocument(Field(field), condition);
    }

    /// <summary>
    /// A regex that matches <paramref name="value"/> as data between the anchors. The (pattern,
    /// options) constructor, because the one-string one reads a leading "/" as a /pattern/options
    /// literal ("/" throws, "/a/i" turns case-insensitive). Regex.Escape covers the PCRE
    /// metacharacters; NUL is spelled \x00 since a BSON regex is a C string and cannot hold it.
    /// </summary>
    private static BsonRegularExpression Literal(string prefix, string value, string suffix) =>
        new(prefix + Regex.Escape(value).Replace("\0", "\\x00", StringComparison.Ordinal) + suffix, "");

    // Only eq reaches here (GroupFilterFields.ValidateMemberFilter); any other operator is refused
    // rather than read as eq, so a later widening of the validation cannot silently change answers.
    private static BsonDocument Member(FilterNode node) => node switch
    {
        AndFilter and => new BsonDocument("$and", new BsonArray { Member(and.Left), Member(and.Right) }),
        OrFilter or => new BsonDocument("$or", new BsonArray { Member(or.Left), Member(or.Right) }),
        ComparisonFilter { Operator: ComparisonOperator.Eq } c when GroupFilterFields.ResolveMember(c.Path) == GroupField.MemberType =>
            new BsonDocument("type", (int)GroupFilterFields.ParseMemberKind(c.Value)),
        ComparisonFilter { Operator: ComparisonOperator.Eq } c => new BsonDocument("member", c.Value.Text),
        _ => throw new GroupRoleException(GroupRoleError.InvalidFilter, $"The filter '{node}' is not supported inside members[...]."),
    };
}
