using System.Text;
using System.Text.RegularExpressions;

namespace Identity.ScimEdge.ProvisioningLog;

/// <summary>
/// Keeps personal data out of the provisioning log. Filters carry values such as
/// <c>userName eq "alice@example.com"</c>: every double-quoted string becomes <c>"…"</c>, and
/// anything shaped like an address is replaced too, quoted or not. Single-quoted text stays,
/// because our own error details quote attribute names and ids that way.
/// </summary>
public static partial class ProvisioningRedaction
{
    public const string Mask = "…";

    private const int MaxFilterLength = 300;
    private const int MaxDetailLength = 500;
    private const int MaxPathLength = 200;

    // A JSON/SCIM string: quotes with backslash escapes inside; an unterminated one runs to the end.
    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"[^\s""'/(),\[\]@]+@[^\s""'/(),\[\]@]+", RegexOptions.CultureInvariant)]
    private static partial Regex AddressLike();

    /// <summary>The filter with its values masked, e.g. <c>userName eq "…"</c>.</summary>
    public static string RedactFilter(string filter) =>
        Truncate(AddressLike().Replace(QuotedString().Replace(filter, $"\"{Mask}\""), Mask), MaxFilterLength);

    /// <summary>Error details: quoted values and addresses masked.</summary>
    public static string RedactDetail(string detail) =>
        Truncate(AddressLike().Replace(QuotedString().Replace(detail, $"\"{Mask}\""), Mask), MaxDetailLength);

    /// <summary>A path whose segments may be anything an IdP typed (/Users/alice@example.com): addresses masked.</summary>
    public static string RedactPath(string path) => Truncate(AddressLike().Replace(path, Mask), MaxPathLength);

    /// <summary>Parameter names only, except filter, which keeps its masked expression: <c>filter=userName eq "…"&amp;count</c>.</summary>
    public static string? DescribeQuery(IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return null;
        }
        var text = new StringBuilder();
        foreach (var (name, value) in query)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }
            var safeName = name.Length <= 40 ? AddressLike().Replace(name, Mask) : name[..40];
            text.Append(safeName);
            if (name.Equals("filter", StringComparison.OrdinalIgnoreCase))
            {
                text.Append('=').Append(RedactFilter(value.ToString()));
            }
        }
        return Truncate(text.ToString(), MaxFilterLength + 200);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + Mask;
}
