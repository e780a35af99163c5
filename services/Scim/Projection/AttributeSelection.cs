using Identity.Scim.Errors;
using Identity.Scim.Paths;
using Identity.Scim.Schemas;

namespace Identity.Scim.Projection;

/// <summary>An attributes / excludedAttributes list resolved against a schema context.</summary>
internal sealed class AttributeSelection
{
    private readonly HashSet<ScimAttribute> _whole = [];
    private readonly Dictionary<ScimAttribute, HashSet<ScimAttribute>> _subs = [];
    private readonly HashSet<string> _extensions = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _unknown = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => _whole.Count == 0 && _subs.Count == 0 && _extensions.Count == 0 && _unknown.Count == 0;

    /// <summary>Parses a comma-separated list (RFC 7644 §3.4.2.5); names may be URN-qualified or dotted.</summary>
    public static AttributeSelection Parse(string? list, ResourceSchema schema, string parameter)
    {
        var selection = new AttributeSelection();
        if (string.IsNullOrWhiteSpace(list))
        {
            return selection;
        }

        foreach (var raw in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (schema.FindExtension(raw) is { } extension)
            {
                selection._extensions.Add(extension.Id);
                continue;
            }

            var path = AttributePath.TryParse(raw, out var reason)
                ?? throw ScimException.InvalidPath($"'{raw}' in '{parameter}' is not an attribute name: expected {reason}.");
            var resolved = schema.Resolve(path);
            if (resolved is null)
            {
                // Unknown names select nothing known; they still match free-form attributes by name.
                selection._unknown.Add(path.LocalName);
            }
            else if (resolved.SubAttribute is null)
            {
                selection._whole.Add(resolved.Attribute);
            }
            else
            {
                if (!selection._subs.TryGetValue(resolved.Attribute, out var subs))
                {
                    selection._subs[resolved.Attribute] = subs = [];
                }

                subs.Add(resolved.SubAttribute);
            }
        }

        return selection;
    }

    public bool IncludesExtension(string uri) => _extensions.Contains(uri);

    public bool IncludesWhole(ScimAttribute attribute) => _whole.Contains(attribute);

    public bool IncludesUnknown(string name) => _unknown.Contains(name);

    public IReadOnlySet<ScimAttribute>? SubAttributes(ScimAttribute attribute) =>
        _subs.TryGetValue(attribute, out var subs) ? subs : null;
}
