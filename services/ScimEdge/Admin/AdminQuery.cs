using System.Globalization;

namespace Identity.ScimEdge.Admin;

/// <summary>Query parameters parsed by hand, so a bad value answers our 400 body instead of the binder's empty one.</summary>
internal static class AdminQuery
{
    public static int? Int(string? text, string name, int min, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw AdminException.BadRequest($"{name} must be a whole number between {min} and {max}.");
    }

    public static DateTimeOffset? Time(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw AdminException.BadRequest($"{name} must be an ISO 8601 time such as 2025-01-31T12:00:00Z.");
    }
}
