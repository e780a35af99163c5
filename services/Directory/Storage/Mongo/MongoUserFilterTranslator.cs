using System.Text.RegularExpressions;
using Identity.Directory.Users;
using Identity.Scim.Filters;
using MongoDB.Bson;

namespace Identity.Directory.Storage.Mongo;

/// <summary>
/// Translates a SCIM filter into a query on the derived, indexed fields of a user document
/// (<see cref="MongoUserDocument"/>): userName and emails lower-cased (case-insensitive by the
/// schema), externalId and id exact, active, and meta times as fixed-width UTC text. A node it
/// cannot translate exactly drops out of an AND (narrowing only) and makes an OR or NOT above
/// it untranslatable, so the query never misses a match; <see cref="MongoFilter.Residual"/> then
/// tells the store to run the evaluator. Pure: no I/O, unit-tested on the BSON it builds.
/// </summary>
public static class MongoUserFilterTranslator
{
    // \z, not $: without the m option PCRE's $ also matches before a final newline, so "ew x" would match "x\n".
    private const string EndOfText = "\\z";

    public static MongoFilter Translate(FilterNode? filter)
    {
        if (filter is null)
        {
            return new MongoFilter([], Residual: false);
        }
        var (query, exact) = Node(filter);
        return new MongoFilter(query ?? [], Residual: query is null || !exact);
    }

    private static (BsonDocument? Query, bool Exact) Node(FilterNode node)
    {
        switch (node)
        {
            case AndFilter and:
                {
                    var left = Node(and.Left);
                    var right = Node(and.Right);
                    var query = (left.Query, right.Query) switch
                    {
                        (null, null) => null,
                        (null, var r) => r,
                        (var l, null) => l,
                        var (l, r) => new BsonDocument("$and", new BsonArray { l, r }),
                    };
                    return (query, left is { Query: not null, Exact: true } && right is { Query: not null, Exact: true });
                }
            case OrFilter or:
                {
                    var left = Node(or.Left);
                    var right = Node(or.Right);
                    return left.Query is not null && right.Query is not null
                        ? (new BsonDocument("$or", new BsonArray { left.Query, right.Query }), left.Exact && right.Exact)
                        : (null, false);
                }
            case NotFilter not:
                {
                    var inner = Node(not.Inner);
                    return inner is { Query: not null, Exact: true } ? (new BsonDocument("$nor", new BsonArray { inner.Query }), true) : (null, false);
                }
            // Not ne: emails[value ne "x"] means "some email is not x" (an email without a value counts),
            // while { em: { $ne } } means "no email is x", and em keeps only emails that have a value; the
            // evaluator answers that shape.
            case ValuePathFilter { Filter: ComparisonFilter inner } valuePath
                when DerivedFields.Of(valuePath.Path) == DerivedField.EmailValue && valuePath.Path.SubAttribute is null
                    && string.Equals(inner.Path.Name, "value", StringComparison.OrdinalIgnoreCase) && inner.Path.SubAttribute is null
                    && inner.Operator != ComparisonOperator.Ne:
                {
                    var query = Comparison(DerivedField.EmailValue, inner.Operator, inner.Value);
                    return (query, query is not null);
                }
            case PresentFilter present:
                {
                    var query = Present(DerivedFields.Of(present.Path));
                    return (query, query is not null);
                }
            case ComparisonFilter comparison:
                {
                    var query = Comparison(DerivedFields.Of(comparison.Path), comparison.Operator, comparison.Value);
                    return (query, query is not null);
                }
            default:
                return (null, false);
        }
    }

    private static BsonDocument? Present(DerivedField field) => field switch
    {
        // userName and id are always present on a stored user.
        DerivedField.UserName or DerivedField.Id => [],
        DerivedField.ExternalId => new BsonDocument(MongoUserDocument.ExternalId, new BsonDocument("$type", "string")),
        DerivedField.EmailValue => new BsonDocument(MongoUserDocument.Emails + ".0", new BsonDocument("$exists", true)),
        _ => null,
    };

    private static BsonDocument? Comparison(DerivedField field, ComparisonOperator op, FilterValue value)
    {
        if (value.Kind == FilterValueKind.Null)
        {
            return null;
        }
        var text = value.Text ?? "";
        return field switch
        {
            DerivedField.UserName when value.Kind == FilterValueKind.String => CaseFolded(MongoUserDocument.UserNameLower, op, text.ToLowerInvariant()),
            // em leaves out empty values, which an empty operand would match in the evaluator.
            DerivedField.EmailValue when value.Kind == FilterValueKind.String && text.Length > 0 => CaseFolded(MongoUserDocument.Emails, op, text.ToLowerInvariant()),
            DerivedField.Id when value.Kind == FilterValueKind.String => Exact(MongoUserDocument.UserId, op, text),
            DerivedField.ExternalId when value.Kind == FilterValueKind.String && op == ComparisonOperator.Eq =>
                // The lower-cased field carries the index; the exact one keeps externalId case-sensitive (RFC 7643 §3.1).
                new BsonDocument { { MongoUserDocument.ExternalIdLower, text.ToLowerInvariant() }, { MongoUserDocument.ExternalId, text } },
            DerivedField.ExternalId when value.Kind == FilterValueKind.String => Exact(MongoUserDocument.ExternalId, op, text),
            DerivedField.Active when op is ComparisonOperator.Eq or ComparisonOperator.Ne && UserResource.ReadBoolean(System.Text.Json.Nodes.JsonValue.Create(text)) is { } flag =>
                op == ComparisonOperator.Eq
                    ? new BsonDocument(MongoUserDocument.Active, flag)
                    : new BsonDocument(MongoUserDocument.Active, new BsonDocument("$ne", flag)),
            DerivedField.Created or DerivedField.LastModified when value.Kind == FilterValueKind.String && ScimTime.TryNormalize(text, out var time) =>
                Ordered(field == DerivedField.Created ? MongoUserDocument.Created : MongoUserDocument.LastModified, op, time),
            _ => null,
        };
    }

    // Both sides lower-cased: eq/ne and substring operators match as the evaluator's ignore-case
    // rules do. Ordering is left to the evaluator, whose ignore-case order differs from lower-case binary order.
    private static BsonDocument? CaseFolded(string field, ComparisonOperator op, string lower) => op switch
    {
        ComparisonOperator.Eq => new BsonDocument(field, lower),
        ComparisonOperator.Ne => new BsonDocument(field, new BsonDocument("$ne", lower)),
        ComparisonOperator.Co => new BsonDocument(field, Literal("", lower, "")),
        ComparisonOperator.Sw => new BsonDocument(field, Literal("^", lower, "")),
        ComparisonOperator.Ew => new BsonDocument(field, Literal("", lower, EndOfText)),
        _ => null,
    };

    private static BsonDocument? Exact(string field, ComparisonOperator op, string text) => op switch
    {
        ComparisonOperator.Eq => new BsonDocument(field, text),
        ComparisonOperator.Ne => new BsonDocument(field, new BsonDocument("$ne", text)),
        ComparisonOperator.Sw => new BsonDocument(field, Literal("^", text, "")),
        _ => null,
    };

    /// <summary>
    /// A regex that matches <paramref name="value"/> as data between the anchors. The (pattern,
    /// options) constructor, because the one-string one reads a leading "/" as a /pattern/options
    /// literal ("/" throws, "/a/i" turns case-insensitive). Regex.Escape covers the PCRE
    /// metacharacters; NUL is spelled \x00 since a BSON regex is a C string and cannot hold it.
    /// </summary>
    private static BsonRegularExpression Literal(string prefix, string value, string suffix) =>
        new(prefix + Regex.Escape(value).Replace("\0", "\\x00", StringComparison.Ordinal) + suffix, "");

    private static BsonDocument? Ordered(string field, ComparisonOperator op, string time) => op switch
    {
        ComparisonOperator.Eq => new BsonDocument(field, time),
        ComparisonOperator.Gt => new BsonDocument(field, new BsonDocument("$gt", time)),
        ComparisonOperator.Ge => new BsonDocument(field, new BsonDocument("$gte", time)),
        ComparisonOperator.Lt => new BsonDocument(field, new BsonDocument("$lt", time)),
        ComparisonOperator.Le => new BsonDocument(field, new BsonDocument("$lte", time)),
        _ => null,
    };
}
