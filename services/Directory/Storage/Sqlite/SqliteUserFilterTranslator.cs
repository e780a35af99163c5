using Identity.Directory.Users;
using Identity.EmbeddedStorage.Filters;
using Identity.Scim.Filters;

namespace Identity.Directory.Storage.Sqlite;

/// <summary>
/// Pushes the parts of a SCIM filter that map onto indexed columns into SQL. A node that
/// cannot be pushed exactly becomes "no condition" (inside AND) or makes its whole OR/NOT
/// unpushable, so the SQL always selects a superset and the evaluator never sees less. NULL
/// columns follow the one rule of <see cref="SqlConditions"/>.
/// </summary>
public static class SqliteUserFilterTranslator
{
    public static SqlFilter Translate(FilterNode? filter)
    {
        if (filter is null)
        {
            return SqlFilter.All;
        }
        var parameters = new List<KeyValuePair<string, object>>();
        var (where, exact) = Node(filter, parameters);
        return new SqlFilter(where, parameters, where is not null && exact, Selective(filter));
    }

    private static (string? Sql, bool Exact) Node(FilterNode node, List<KeyValuePair<string, object>> parameters)
    {
        switch (node)
        {
            case AndFilter and:
                {
                    var left = Node(and.Left, parameters);
                    var right = Node(and.Right, parameters);
                    var sql = (left.Sql, right.Sql) switch
                    {
                        (null, null) => null,
                        (null, var r) => r,
                        (var l, null) => l,
                        var (l, r) => $"({l} AND {r})",
                    };
                    return (sql, left.Exact && right.Exact && left.Sql is not null && right.Sql is not null);
                }
            case OrFilter or:
                {
                    var left = Node(or.Left, parameters);
                    var right = Node(or.Right, parameters);
                    return left.Sql is not null && right.Sql is not null
                        ? ($"({left.Sql} OR {right.Sql})", left.Exact && right.Exact)
                        : (null, false);
                }
            case NotFilter not:
                {
                    var inner = Node(not.Inner, parameters);
                    return inner is { Sql: not null, Exact: true } ? (SqlConditions.Not(inner.Sql), true) : (null, false);
                }
            case ValuePathFilter { Filter: ComparisonFilter { Operator: ComparisonOperator.Eq } inner } valuePath
                when DerivedFields.Of(valuePath.Path) == DerivedField.EmailValue && valuePath.Path.SubAttribute is null
                    && string.Equals(inner.Path.Name, "value", StringComparison.OrdinalIgnoreCase) && inner.Path.SubAttribute is null:
                return (Comparison(DerivedField.EmailValue, inner.Operator, inner.Value, parameters), true);
            case ComparisonFilter comparison:
                {
                    var sql = Comparison(DerivedFields.Of(comparison.Path), comparison.Operator, comparison.Value, parameters);
                    return (sql, sql is not null);
                }
            default:
                return (null, false);
        }
    }

    private static string? Comparison(DerivedField field, ComparisonOperator op, FilterValue value, List<KeyValuePair<string, object>> parameters)
    {
        if (value.Kind == FilterValueKind.Null)
        {
            return null;
        }
        var text = value.Text ?? "";
        switch (field)
        {
            case DerivedField.UserName when value.Kind == FilterValueKind.String:
                return StringCondition("u.user_name_lower", op, text.ToLowerInvariant(), parameters);
            case DerivedField.Id when value.Kind == FilterValueKind.String && op is ComparisonOperator.Eq or ComparisonOperator.Ne:
                return $"u.id {(op == ComparisonOperator.Eq ? "=" : "<>")} {Add(parameters, text)}";
            case DerivedField.ExternalId when value.Kind == FilterValueKind.String && op == ComparisonOperator.Eq:
                return $"(u.external_id_lower = {Add(parameters, text.ToLowerInvariant())} AND u.external_id = {Add(parameters, text)})";
            case DerivedField.ExternalId when value.Kind == FilterValueKind.String && op == ComparisonOperator.Ne:
                return SqlConditions.NotEqual("u.external_id", Add(parameters, text));
            case DerivedField.Active when op is ComparisonOperator.Eq or ComparisonOperator.Ne && UserResource.ReadBoolean(System.Text.Json.Nodes.JsonValue.Create(text)) is { } flag:
                return op == ComparisonOperator.Eq
                    ? $"u.active = {(flag ? 1 : 0)}"
                    : SqlConditions.NotEqual("u.active", flag ? "1" : "0");
            case DerivedField.EmailValue when value.Kind == FilterValueKind.String && op == ComparisonOperator.Eq:
                return $"u.id IN (SELECT e.user_id FROM user_emails e WHERE e.tenant_id = $tenant AND e.value_lower = {Add(parameters, text.ToLowerInvariant())})";
            case DerivedField.Created or DerivedField.LastModified when value.Kind == FilterValueKind.String && ScimTime.TryNormalize(text, out var time):
                var column = field == DerivedField.Created ? "u.created" : "u.last_modified";
                return Ordered(op) is { } sqlOp ? $"{column} {sqlOp} {Add(parameters, time)}" : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// True when an AND-chain of the filter pins a near-unique key (userName, externalId, id or
    /// an email equal to a value): then sorting the few matches beats walking the ordinal index,
    /// which SQLite would otherwise pick for ORDER BY without statistics.
    /// </summary>
    private static bool Selective(FilterNode node) => node switch
    {
        AndFilter and => Selective(and.Left) || Selective(and.Right),
        ComparisonFilter { Operator: ComparisonOperator.Eq, Value.Kind: FilterValueKind.String } c =>
            DerivedFields.Of(c.Path) is DerivedField.UserName or DerivedField.ExternalId or DerivedField.Id or DerivedField.EmailValue,
        ValuePathFilter { Filter: ComparisonFilter { Operator: ComparisonOperator.Eq } } v => DerivedFields.Of(v.Path) == DerivedField.EmailValue,
        _ => false,
    };

    private static string? StringCondition(string column, ComparisonOperator op, string lower, List<KeyValuePair<string, object>> parameters) => op switch
    {
        ComparisonOperator.Eq => $"{column} = {Add(parameters, lower)}",
        ComparisonOperator.Ne => $"{column} <> {Add(parameters, lower)}",
        // Both sides are lower-cased already, so LIKE's ASCII case folding changes nothing.
        ComparisonOperator.Co => $"{column} LIKE {Add(parameters, "%" + EscapeLike(lower) + "%")} ESCAPE '\\'",
        ComparisonOperator.Sw => $"{column} LIKE {Add(parameters, EscapeLike(lower) + "%")} ESCAPE '\\'",
        ComparisonOperator.Ew => $"{column} LIKE {Add(parameters, "%" + EscapeLike(lower))} ESCAPE '\\'",
        // Ordering differs between lower-cased binary order and the evaluator's ordinal-ignore-case: not pushed.
        _ => null,
    };

    private static string? Ordered(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Eq => "=",
        ComparisonOperator.Gt => ">",
        ComparisonOperator.Ge => ">=",
        ComparisonOperator.Lt => "<",
        ComparisonOperator.Le => "<=",
        _ => null,
    };

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static string Add(List<KeyValuePair<string, object>> parameters, string value)
    {
        var name = "$f" + parameters.Count;
        parameters.Add(new(name, value));
        return name;
    }
}
