using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Scim.Dialects;
using Identity.Scim.Errors;
using Identity.Scim.Filters;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;
using Identity.Scim.Validation;

namespace Identity.Scim.Patching;

/// <summary>
/// Applies operations, one at a time, to a working copy of a resource. Every operation has a
/// path here: <see cref="Dialects.PathlessValueExpander"/> has already split path-less ones.
/// </summary>
internal sealed partial class PatchApplier
{
    private readonly JsonObject _resource;
    private readonly ResourceSchema _schema;
    private readonly ValidationOptions _options;
    private readonly FilterEvaluator _evaluator;
    private readonly CancellationToken _cancellationToken;

    public PatchApplier(JsonObject resource, ResourceSchema schema, ValidationOptions options, CancellationToken cancellationToken = default)
    {
        _cancellationToken = cancellationToken;
        _resource = resource;
        _schema = schema;
        _options = options;
        _evaluator = new FilterEvaluator(schema);
    }

    public void Apply(PatchOperation operation)
    {
        var path = operation.Path!;
        var name = path.ToString();
        var resolved = _schema.Resolve(path.Attribute);
        if (resolved is null)
        {
            if (_options.DropUnknownAttributes)
            {
                return;
            }

            throw ScimException.InvalidPath($"'{path.Attribute}' is not an attribute of {_schema.ResourceType.Name}.");
        }

        ScimAttribute? filterSub = null;
        if (path.ValueFilter is not null)
        {
            if (resolved.Attribute.Type != ScimAttributeType.Complex || resolved.SubAttribute is not null)
            {
                throw ScimException.InvalidPath($"'{name}': a value filter applies to a complex attribute only.");
            }

            if (path.SubAttribute is not null)
            {
                filterSub = resolved.Attribute.FindSubAttribute(path.SubAttribute)
                    ?? throw ScimException.InvalidPath($"'{resolved.Attribute.Name}' has no sub-attribute '{path.SubAttribute}'.");
            }
        }

        if (resolved.Attribute.Mutability == ScimMutability.ReadOnly || (filterSub ?? resolved.Target).Mutability == ScimMutability.ReadOnly)
        {
            throw ScimException.Mutability($"'{name}' is readOnly (RFC 7643 §2.2) and cannot be modified.");
        }

        var type = operation.Type;
        var value = operation.Value;
        var clearing = false;
        if (type != PatchOperationType.Remove && IsClear(value))
        {
            // Entra's validator clears attributes by sending "" then null (docs/idp-dialects.md §2.1
            // "Null update", §2.8 item 2); RFC 7643 §2.5 treats null as unassigned.
            type = PatchOperationType.Remove;
            value = null;
            clearing = true;
        }

        var container = Container(resolved, create: type != PatchOperationType.Remove);
        if (container is null)
        {
            // Removing from an extension the resource does not carry: nothing to do, unless a
            // filter asked for a value to exist (RFC 7644 §3.12 noTarget).
            if (path.ValueFilter is not null && !clearing)
            {
                throw ScimException.NoTarget($"'{name}' matched no value.");
            }

            return;
        }

        if (path.ValueFilter is not null)
        {
            ApplyFiltered(type, container, resolved.Attribute, path.ValueFilter, filterSub, value, clearing, name);
        }
        else if (resolved.SubAttribute is not null)
        {
            ApplySubAttribute(type, container, resolved.Attribute, resolved.SubAttribute, value, name);
        }
        else
        {
            ApplyWhole(type, container, resolved.Attribute, value, name);
        }

        if (resolved.IsExtension && container.Count == 0)
        {
            ScimJson.Remove(_resource, resolved.ExtensionUri!);
            ScimJson.UnlistSchema(_resource, resolved.ExtensionUri!);
        }
    }

    private void ApplyWhole(PatchOperationType type, JsonObject container, ScimAttribute attribute, JsonNode? value, string name)
    {
        var existing = ScimJson.Get(container, attribute.Name);
        if (type == PatchOperationType.Remove)
        {
            if (attribute.MultiValued && value is not null && existing is JsonArray values)
            {
                ListedValueRemoval.Remove(container, attribute, values, value, name);
                return;
            }

            if (attribute.Required)
            {
                throw ScimException.InvalidValue($"'{name}' is required and cannot be removed.");
            }

            CheckImmutable(attribute, existing, null, name);
            ScimJson.Remove(container, attribute.Name);
            return;
        }

        var checkedValue = AttributeValueChecker.Check(value, attribute, name, _options);
        if (attribute.MultiValued)
        {
            var additions = (JsonArray)checkedValue!;
            if (type == PatchOperationType.Add && existing is JsonArray current)
            {
                CheckImmutable(attribute, existing, additions.Count == 0 ? existing : null, name);
                MultiValuedMerge.AddValues(current, additions, attribute, _cancellationToken);
                return;
            }

            CheckImmutable(attribute, existing, additions, name);
            var fresh = new JsonArray();
            MultiValuedMerge.AddValues(fresh, additions, attribute, _cancellationToken);
            if (type == PatchOperationType.Replace)
            {
                MultiValuedMerge.NormalizePrimary(fresh);
            }

            Store(container, attribute.Name, fresh);
            return;
        }

        if (attribute.Type == ScimAttributeType.Complex && existing is JsonObject target && checkedValue is JsonObject changes)
        {
            // RFC 7644 §3.5.2.1/§3.5.2.3: sub-attributes given replace or add; others stay.
            foreach (var (key, subValue) in changes)
            {
                CheckImmutable(attribute.FindSubAttribute(key)!, ScimJson.Get(target, key), subValue, name + "." + key);
                ScimJson.Set(target, key, subValue?.DeepClone());
            }

            return;
        }

        CheckImmutable(attribute, existing, checkedValue, name);
        Store(container, attribute.Name, checkedValue);
    }

    private void ApplySubAttribute(
        PatchOperationType type,
        JsonObject container,
        ScimAttribute attribute,
        ScimAttribute sub,
        JsonNode? value,
        string name)
    {
        var existing = ScimJson.Get(container, attribute.Name);
        var checkedValue = type == PatchOperationType.Remove ? null : AttributeValueChecker.Check(value, sub, name, _options);
        if (!attribute.MultiValued)
        {
            if (existing is not JsonObject target)
            {
                if (type == PatchOperationType.Remove)
                {
                    return;
                }

                target = [];
                ScimJson.Set(container, attribute.Name, target);
            }

            SetOrRemove(target, sub, checkedValue, name);
            if (target.Count == 0)
            {
                ScimJson.Remove(container, attribute.Name);
            }

            return;
        }

        // RFC 7644 §3.5.2: a sub-attribute of a multi-valued attribute without a filter means
        // that sub-attribute of every value.
        var elements = existing is JsonArray array ? array.OfType<JsonObject>().ToList() : [];
        if (elements.Count == 0 && type != PatchOperationType.Remove)
        {
            throw ScimException.NoTarget($"'{name}': '{attribute.Name}' has no values whose '{sub.Name}' could be set.");
        }

        foreach (var element in elements)
        {
            SetOrRemove(element, sub, checkedValue, name);
        }

        DropEmptyElements(container, attribute);
    }

    private static void SetOrRemove(JsonObject target, ScimAttribute sub, JsonNode? value, string name)
    {
        CheckImmutable(sub, ScimJson.Get(target, sub.Name), value, name);
        if (value is null)
        {
            ScimJson.Remove(target, sub.Name);
        }
        else
        {
            ScimJson.Set(target, sub.Name, value.DeepClone());
        }
    }

    private static void Store(JsonObject container, string name, JsonNode? value)
    {
        if (value is null or JsonArray { Count: 0 } or JsonObject { Count: 0 })
        {
            ScimJson.Remove(container, name);
        }
        else
        {
            ScimJson.Set(container, name, value);
        }
    }

    private static void DropEmptyElements(JsonObject container, ScimAttribute attribute)
    {
        if (ScimJson.Get(container, attribute.Name) is not JsonArray array)
        {
            return;
        }

        foreach (var empty in array.OfType<JsonObject>().Where(e => e.Count == 0).ToList())
        {
            array.Remove(empty);
        }

        if (array.Count == 0)
        {
            ScimJson.Remove(container, attribute.Name);
        }
    }

    // RFC 7643 §2.2: an immutable value, once set, SHALL NOT be updated.
    private static void CheckImmutable(ScimAttribute attribute, JsonNode? existing, JsonNode? replacement, string name)
    {
        if (attribute.Mutability == ScimMutability.Immutable && ScimJson.IsPresent(existing)
            && (replacement is null || !JsonNode.DeepEquals(existing, replacement)))
        {
            throw ScimException.Mutability($"'{name}' is immutable (RFC 7643 §2.2) and already has a value.");
        }
    }

    private static bool IsClear(JsonNode? value) =>
        value is null
        || value.GetValueKind() == JsonValueKind.Null
        || (value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0);

    private JsonObject? Container(ResolvedAttribute resolved, bool create)
    {
        if (!resolved.IsExtension)
        {
            return _resource;
        }

        var uri = resolved.ExtensionUri!;
        if (ScimJson.Get(_resource, uri) is not JsonObject extension)
        {
            if (!create)
            {
                return null;
            }

            extension = [];
            ScimJson.Set(_resource, uri, extension);
        }

        if (create)
        {
            // RFC 7643 §3: an extension in use is listed in "schemas".
            ScimJson.EnsureSchemaListed(_resource, uri);
        }

        return extension;
    }
}
