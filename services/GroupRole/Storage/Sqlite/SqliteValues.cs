using System.Globalization;
using System.Text.Json;

namespace Identity.GroupRole.Storage.Sqlite;

/// <summary>How values are written to and read from SQLite columns.</summary>
internal static class SqliteValues
{
    // Fixed-width UTC text orders like the instants it names, so range filters compare strings.
    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>displayName is caseExact=false (RFC 7643 §4.2): one key for every spelling.</summary>
    public static string NameKey(string displayName) => displayName.ToUpperInvariant();

    public static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> ParseJson(string text) => JsonSerializer.Deserialize<List<string>>(text) ?? [];

    public static object OrNull(string? value) => string.IsNullOrEmpty(value) ? DBNull.Value : value;
}
