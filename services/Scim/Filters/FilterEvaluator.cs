using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Paths;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;

namespace Identity.Scim.Filters;

/// <summary>
/// Evaluates filters against resources, honouring each attribute's type and caseExact from
/// the schema. <see cref="Compile"/> resolves attributes and checks operator/type pairs once,
/// so evaluating over many resources costs only the lookups.
/// </summary>
public sealed class FilterEvaluator
{
    private readonly ResourceSchema _schema;

    /// <summary>Creates an evaluator for one resource type's schema context.</summary>
    public FilterEvaluator(ResourceSchema schema)
    {
        _schema = schema;
    }

    /// <summary>True when the resource matches; an operator unfit for an attribute's type throws invalidFilter.</summary>
    public bool Matches(FilterNode filter, JsonObject resource) => Compile(filter)(resource);

    /// <summary>Compiles a filter into a predicate, throwing invalidFilter for type mismatches up front.</summary>
    public Func<JsonObject, bool> Compile(FilterNode filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Compile(filter, parent: null);
    }

    /// <summary>Compiles a value filter (sub-attribute paths) to test elements of <paramref name="parent"/>.</summary>
    internal Func<JsonObject, bool> CompileElementFilter(FilterNode filter, ScimAttribute parent) => Compile(filter, parent);

    private Func<JsonObject, bool> Compile(FilterNode filter, ScimAttribute? parent)
    {
        switch (filter)
        {
            case AndFilter and:
                {
                    var left = Compile(and.Left, parent);
                    var right = Compile(and.Right, parent);
                    return scope => left(scope) && right(scope);
                }

            case OrFilter or:
                {
                    var left = Compile(or.Left, parent);
                    var right = Compile(or.Right, parent);
                    return scope => left(scope) || right(scope);
                }

            case NotFilter not:
                {
                    var inner = Compile(not.Inner, parent);
                    return scope => !inner(scope);
                }

            case ValuePathFilter valuePath:
                return CompileValuePath(valuePath);
            case PresentFilter present:
                {
                    var values = Leaves(present.Path, parent, out _);
                    return scope => values(scope).Any(ScimJson.IsPresent);
                }

            case ComparisonFilter comparison:
                return CompileComparison(comparison, parent);
            default:
                throw ScimException.InvalidFilter($"Unsupported filter node {filter.GetType().Name}.");
        }
    }

    private Func<JsonObject, bool> CompileValuePath(ValuePathFilter filter)
    {
        var resolved = _schema.Resolve(filter.Path);
        var elementFilter = Compile(filter.Filter, resolved?.Attribute ?? UnknownParent);
        return scope =>
        {
            var container = Container(scope, resolved, filter.Path);
            var node = container is null ? null : ScimJson.Get(container, resolved?.Attribute.Name ?? filter.Path.Name);
            if (node is JsonObject single)
            {
                return elementFilter(single);
            }

            if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    if (item is JsonObject element && elementFilter(element))
                    {
                        return true;
                    }
                }
            }

            return false;
        };
    }

    private Func<JsonObject, bool> CompileComparison(ComparisonFilter filter, ScimAttribute? parent)
    {
        var values = Leaves(filter.Path, parent, out var leafAttribute);
        var single = parent is null ? SingleLeaf(filter.Path) : SingleSubLeaf(parent, filter.Path);
        if (filter.Value.Kind == FilterValueKind.Null && filter.Operator is ComparisonOperator.Eq or ComparisonOperator.Ne)
        {
            // "eq null" reads as "has no value" (RFC 7643 §2.5: null is the same as unassigned).
            var wantAbsent = filter.Operator == ComparisonOperator.Eq;
            return scope => values(scope).Any(ScimJson.IsPresent) != wantAbsent;
        }

        var test = ValueComparer.Build(leafAttribute, filter.Operator, filter.Value, filter.Path.ToString());
        if (filter.Operator == ComparisonOperator.Ne)
        {
            // ne on a multi-valued attribute: no value equals the operand.
            var equals = ValueComparer.Build(leafAttribute, ComparisonOperator.Eq, filter.Value, filter.Path.ToString());
            return single is null ? scope => !values(scope).Any(equals) : scope => !equals(single(scope));
        }

        return single is null ? scope => values(scope).Any(test) : scope => test(single(scope));
    }

    // Inside a value filter, a known single-valued sub-attribute is one lookup per element.
    private static Func<JsonObject, JsonNode?>? SingleSubLeaf(ScimAttribute parent, AttributePath path)
    {
        if (parent.FindSubAttribute(path.Name) is not { MultiValued: false } sub)
        {
            return null;
        }

        var name = sub.Name;
        return scope => ScimJson.Get(scope, name);
    }

    // Fast path for the common query (userName eq "x"): a core, single-valued, non-complex
    // attribute is one lookup, with no enumeration per resource.
    private Func<JsonObject, JsonNode?>? SingleLeaf(AttributePath path)
    {
        var resolved = _schema.Resolve(path);
        if (resolved is not { IsExtension: false, SubAttribute: null, Attribute: { MultiValued: false } attribute }
            || attribute.Type == ScimAttributeType.Complex)
        {
            return null;
        }

        var name = attribute.Name;
        return scope => ScimJson.Get(scope, name);
    }

    /// <summary>
    /// The leaf values a path selects in a scope (a resource, or one element inside a value
    /// filter), and the attribute describing them. A complex multi-valued attribute without a
    /// sub-attribute means its "value" sub-attribute (RFC 7644 §3.4.2.2, e.g. <c>emails co "@x"</c>).
    /// </summary>
    private Func<JsonObject, IEnumerable<JsonNode?>> Leaves(AttributePath path, ScimAttribute? parent, out ScimAttribute? leafAttribute)
    {
        if (parent is not null)
        {
            var sub = ReferenceEquals(parent, UnknownParent) ? null : parent.FindSubAttribute(path.Name);
            leafAttribute = sub;
            var name = path.Name;
            return scope => Flatten(ScimJson.Get(scope, name), null);
        }

        var resolved = _schema.Resolve(path);
        string? innerName = path.SubAttribute;
        leafAttribute = resolved?.Target;
        if (resolved is { SubAttribute: null, Attribute: { Type: ScimAttributeType.Complex, MultiValued: true } attribute }
            && attribute.FindSubAttribute("value") is { } value)
        {
            innerName = value.Name;
            leafAttribute = value;
        }

        var topName = resolved?.Attribute.Name ?? path.Name;
        return scope =>
        {
            var container = Container(scope, resolved, path);
            return container is null ? [] : Flatten(ScimJson.Get(container, topName), innerName);
        };
    }

    private static JsonObject? Container(JsonObject resource, ResolvedAttribute? resolved, AttributePath path)
    {
        var uri = resolved is null ? path.SchemaUri : resolved.ExtensionUri;
        return uri is null ? resource : ScimJson.Get(resource, uri) as JsonObject;
    }

    private static IEnumerable<JsonNode?> Flatten(JsonNode? node, string? subAttribute)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                yield return subAttribute is null ? item : item is JsonObject element ? ScimJson.Get(element, subAttribute) : null;
            }
        }
        else if (subAttribute is null)
        {
            yield return node;
        }
        else if (node is JsonObject obj)
        {
            yield return ScimJson.Get(obj, subAttribute);
        }
    }

    // Stands for the attribute of an unknown value path, whose sub-attributes are unknown too.
    private static readonly ScimAttribute UnknownParent = new() { Name = "unknown", Type = ScimAttributeType.Complex };
}
