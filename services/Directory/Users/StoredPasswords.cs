using Identity.Scim.Resources;

namespace Identity.Directory.Users;

/// <summary>
/// Purges passwords that builds before the write-only rule stored in users' resource JSON and
/// in feed snapshots. Pure functions over stored text, shared by the SQLite schema step and the
/// MongoDB start-up pass, so both stores forget the same values the same way.
/// </summary>
public static class StoredPasswords
{
    /// <summary>
    /// A cheap pre-filter for either store's scan: stored JSON is always re-serialized by
    /// Directory (letters are never escaped), so a row holding a password contains this text.
    /// Matched without regard to case, like the attribute name itself.
    /// </summary>
    public const string Marker = "password";

    /// <summary>The resource without its password, or null when it held none (nothing to rewrite).</summary>
    public static string? PurgeResource(string resourceJson)
    {
        var stripped = WriteOnlyAttributes.Strip(resourceJson, out var removed);
        return removed ? stripped : null;
    }

    /// <summary>A feed snapshot (StoredUserJson) whose resource lost its password, or null when it held none.</summary>
    public static StoredUser? PurgeSnapshot(StoredUser snapshot) =>
        PurgeResource(snapshot.ResourceJson) is { } stripped ? snapshot with { ResourceJson = stripped } : null;
}
