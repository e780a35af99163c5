using System.Text;
using Identity.Scim.Errors;
using Identity.Scim.Filters;

namespace Identity.Scim.Paths;

/// <summary>
/// A PATCH path (RFC 7644 §3.5.2): <c>attrPath</c>, or <c>valuePath [subAttr]</c> such as
/// <c>emails[type eq "work"].value</c>. Without a filter, a sub-attribute sits in
/// <see cref="Attribute"/> (<c>name.givenName</c>); with one, in <see cref="SubAttribute"/>.
/// </summary>
public sealed record ScimPath(AttributePath Attribute, FilterNode? ValueFilter = null, string? SubAttribute = null)
{
    /// <summary>Parses a PATCH path; a bad one throws <see cref="ScimException"/> (400, invalidPath).</summary>
    public static ScimPath Parse(string text, FilterLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FilterParser(text, limits ?? FilterLimits.Default, Error).ParseWholePath();
    }

    public override string ToString()
    {
        var builder = new StringBuilder(Attribute.ToString());
        if (ValueFilter is not null)
        {
            builder.Append('[').Append(ValueFilter).Append(']');
        }

        if (SubAttribute is not null)
        {
            builder.Append('.').Append(SubAttribute);
        }

        return builder.ToString();
    }

    private static ScimException Error(string detail) => ScimException.InvalidPath("The path " + detail + ".");
}
