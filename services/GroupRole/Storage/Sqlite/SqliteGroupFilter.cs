using System.Globalization;
using System.Text;
using Identity.EmbeddedStorage.Filters;
using Identity.GroupRole.Domain;
using Identity.GroupRole.Domain.Filtering;
using Identity.Scim.Filters;

namespace Identity.GroupRole.Storage.Sqlite;

/// <summary>
/// Renders a validated group filter as a SQL condition over <c>groups g</c>, values bound as
/// parameters. Membership tests become EXISTS over the memberships primary key. NULL columns
/// (a group without externalId) follow the one rule of <see cref="SqlConditions"/>.
/// </summary>
internal sealed class SqliteGroupFilter
{
    private readonly StringBuilder _sql = new();
    private readonly List<KeyValuePair<string, object>> _parameters = [];

    private SqliteGroupFilter()
    {
    }

    public static (string Sql, IReadOnlyList<KeyValuePair<string, object>> Parameters) Render(FilterNode filter)
    {
        var builder = new SqliteGroupFilter();
        builder.Append(filter);
        return (builder._sql.ToString(), builder._parameters);
    }

    public static string Column(GroupField field) => field switch
    {
        GroupField.Id => "g.id",
        GroupField.DisplayName => "g.display_name_key",
        GroupField.ExternalId => "g.external_id",
        GroupField.Created => "g.created",
        GroupField.LastModified => "g.last_modified",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a groups column."),
    };

    private void Append(FilterNode node)
    {
        switch (node)
        {
            case AndFilter and:
                Binary(and.Left, "AND", and.Right);
                break;
            case OrFilter or:
                Binary(or.Left, "OR", or.Right);
                break;
            case NotFilter not:
                _sql.Append(SqlConditions.Not(Nested(not.Inner)));
                break;
            case PresentFilter present:
                var column = Column(GroupFilterFields.Resolve(present.Path));
                _sql.Append('(').Append(column).Append(" IS NOT NULL AND ").Append(column).Append(" <> '')");
                break;
            case ComparisonFilter comparison when GroupFilterFields.Resolve(comparison.Path) == GroupField.MemberValue:
                _sql.Append("EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id AND m.member_id = ")
                    .Append(Bind(comparison.Value.Text!)).Append(')');
                break;
            case ComparisonFilter comparison:
                Compare(GroupFilterFields.Resolve(comparison.Path), comparison.Operator, comparison.Value);
                break;
            case ValuePathFilter valuePath:
                _sql.Append("EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id AND (");
                AppendMember(valuePath.Filter);
                _sql.Append("))");
                break;
            default:
                throw new GroupRoleException(GroupRoleError.InvalidFilter, $"The filter '{node}' is not supported for groups.");
        }
    }

    private void AppendMember(FilterNode node)
    {
        switch (node)
        {
            case AndFilter and:
                _sql.Append('(');
                AppendMember(and.Left);
                _sql.Append(" AND ");
                AppendMember(and.Right);
                _sql.Append(')');
                break;
            case OrFilter or:
                _sql.Append('(');
                AppendMember(or.Left);
                _sql.Append(" OR ");
                AppendMember(or.Right);
                _sql.Append(')');
                break;
            case ComparisonFilter comparison when GroupFilterFields.ResolveMember(comparison.Path) == GroupField.MemberType:
                _sql.Append("m.member_type = ").Append(Bind((long)GroupFilterFields.ParseMemberKind(comparison.Value)));
                break;
            case ComparisonFilter comparison:
                _sql.Append("m.member_id = ").Append(Bind(comparison.Value.Text!));
                break;
            default:
                throw new GroupRoleException(GroupRoleError.InvalidFilter, $"The filter '{node}' is not supported inside members[...].");
        }
    }

    /// <summary>The SQL of <paramref name="node"/> on its own, its parameters bound in order with the rest.</summary>
    private string Nested(FilterNode node)
    {
        var start = _sql.Length;
        Append(node);
        var inner = _sql.ToString(start, _sql.Length - start);
        _sql.Length = start;
        return inner;
    }

    private void Binary(FilterNode left, string op, FilterNode right)
    {
        _sql.Append('(');
        Append(left);
        _sql.Append(' ').Append(op).Append(' ');
        Append(right);
        _sql.Append(')');
    }

    private void Compare(GroupField field, ComparisonOperator op, FilterValue value)
    {
        var column = Column(field);
        var text = field switch
        {
            GroupField.Created or GroupField.LastModified => SqliteValues.Time(GroupFilterFields.ParseDate(value)),
            GroupField.DisplayName => SqliteValues.NameKey(value.Text!),
            _ => value.Text!,
        };
        var p = Bind(text);
        // instr/substr instead of LIKE: LIKE folds ASCII case, but id and externalId are caseExact.
        _sql.Append(op switch
        {
            ComparisonOperator.Eq => $"{column} = {p}",
            ComparisonOperator.Ne => SqlConditions.NotEqual(column, p),
            ComparisonOperator.Co => $"instr({column}, {p}) > 0",
            ComparisonOperator.Sw => $"substr({column}, 1, length({p})) = {p}",
            ComparisonOperator.Ew => $"(length({column}) >= length({p}) AND substr({column}, length({column}) - length({p}) + 1) = {p})",
            ComparisonOperator.Gt => $"{column} > {p}",
            ComparisonOperator.Ge => $"{column} >= {p}",
            ComparisonOperator.Lt => $"{column} < {p}",
            _ => $"{column} <= {p}",
        });
    }

    private string Bind(object value)
    {
        var name = "$f" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new(name, value));
        return name;
    }
}
