using System.Globalization;
using Identity.Scim.Errors;

namespace Identity.ScimEdge.Versioning;

/// <summary>meta.version and ETag are the same weak tag, W/"n", over the stored version n.</summary>
internal static class ETags
{
    public static string Format(long version) => $"W/\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version an If-Match names, 0 for none or "*", or a 400 for something that is not one of ours.</summary>
    public static long ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return 0;
        }
        var tag = header.Split(',')[0].Trim();
        if (tag.StartsWith("W/", StringComparison.OrdinalIgnoreCase))
        {
            tag = tag[2..];
        }
        tag = tag.Trim('"');
        if (long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            return version;
        }
        // An ETag we never issued cannot match the current version.
        throw new ScimException(412, null, $"If-Match '{header}' does not name a version of this resource.");
    }

    /// <summary>True when If-None-Match names the current version (or "*"), so a 304 may answer.</summary>
    public static bool NoneMatchHits(string? header, long version)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }
        var current = Format(version);
        return header.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == current || "W/" + t == current);
    }
}
