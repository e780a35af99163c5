using Identity.Scim.Errors;

namespace Identity.Scim.Filters;

/// <summary>Entry point for the RFC 7644 §3.4.2.2 filter language.</summary>
public static class ScimFilter
{
    /// <summary>
    /// Parses filter text into an AST. Operators and keywords are case-insensitive; a bad or
    /// oversized filter throws <see cref="ScimException"/> (400, invalidFilter) whose detail
    /// names the character position and what was expected there.
    /// </summary>
    public static FilterNode Parse(string text, FilterLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FilterParser(text, limits ?? FilterLimits.Default, Error).ParseWholeFilter();
    }

    private static ScimException Error(string detail) => ScimException.InvalidFilter("The filter " + detail + ".");
}
