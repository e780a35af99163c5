using System.Globalization;

namespace Identity.Directory.Users;

/// <summary>
/// One fixed-width UTC format for meta times, in the JSON and in stored columns alike, so
/// string order is time order and filter values can be compared as stored.
/// </summary>
public static class ScimTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Print(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Parses any xsd:dateTime and reprints it in the stored format; false when it is not one.</summary>
    public static bool TryNormalize(string? text, out string normalized)
    {
        normalized = "";
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return false;
        }
        normalized = Print(time);
        return true;
    }
}
