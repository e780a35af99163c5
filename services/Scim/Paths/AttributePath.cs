using System.Text;
using Identity.Scim.Errors;

namespace Identity.Scim.Paths;

/// <summary>
/// RFC 7644 §3.10 attribute notation: optional schema URN, attribute name, optional
/// sub-attribute (<c>urn:...:enterprise:2.0:User:manager.value</c>). Names keep the case they
/// were written in; resolution against a schema is case-insensitive.
/// </summary>
public sealed record AttributePath(string? SchemaUri, string Name, string? SubAttribute = null)
{
    /// <summary>The path without a URN, e.g. <c>name.givenName</c>.</summary>
    public string LocalName => SubAttribute is null ? Name : Name + "." + SubAttribute;

    public override string ToString()
    {
        var builder = new StringBuilder();
        if (SchemaUri is not null)
        {
            builder.Append(SchemaUri).Append(':');
        }

        builder.Append(Name);
        if (SubAttribute is not null)
        {
            builder.Append('.').Append(SubAttribute);
        }

        return builder.ToString();
    }

    /// <summary>The longest attribute path <see cref="Parse"/> accepts: a schema URN and a dotted name fit many times over.</summary>
    public const int MaxLength = 512;

    /// <summary>
    /// Parses <c>[URN ":"] ATTRNAME ["." subAttr]</c> (a <c>sortBy</c>, an <c>attributes</c> entry);
    /// anything else throws <see cref="ScimException"/> 400 invalidPath naming <paramref name="where"/>.
    /// </summary>
    public static AttributePath Parse(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw ScimException.InvalidPath($"{where} is {text.Length} characters long; an attribute path has at most {MaxLength}.");
        }

        return TryParse(text.Trim(), out var reason)
            ?? throw ScimException.InvalidPath($"{where} must be an attribute path such as 'name.givenName': expected {reason}.");
    }

    /// <summary>Parses <c>[URN ":"] ATTRNAME ["." subAttr]</c>, or returns null with a reason.</summary>
    internal static AttributePath? TryParse(string text, out string reason)
    {
        string? schema = null;
        var rest = text;
        if (text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            // RFC 7644 §3.10: the attribute follows the schema URN after its last colon.
            var colon = text.LastIndexOf(':');
            schema = text[..colon];
            rest = text[(colon + 1)..];
            if (schema.Length <= 4 || schema.EndsWith(':'))
            {
                reason = "a schema URN before the attribute name";
                return null;
            }
        }
        else if (text.Contains(':', StringComparison.Ordinal))
        {
            reason = "an attribute name (only 'urn:' prefixes may contain ':')";
            return null;
        }

        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? rest : rest[..dot];
        var sub = dot < 0 ? null : rest[(dot + 1)..];
        if (!IsAttributeName(name))
        {
            reason = $"an attribute name but found '{name}'";
            return null;
        }

        if (sub is not null && !IsAttributeName(sub))
        {
            reason = $"a sub-attribute name after '.' but found '{sub}'";
            return null;
        }

        reason = "";
        return new AttributePath(schema, name, sub);
    }

    /// <summary>RFC 7643 §2.1 ATTRNAME = ALPHA *(nameChar), plus <c>$ref</c> (RFC 7643 §2.3.7).</summary>
    internal static bool IsAttributeName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        if (string.Equals(name, "$ref", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
