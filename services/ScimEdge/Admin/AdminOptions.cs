namespace Identity.ScimEdge.Admin;

/// <summary>
/// The admin API's credential. Bound from <c>Admin</c>; the key comes from the environment
/// (<c>Admin__ApiKey</c>) or a Kubernetes Secret, never an appsettings file. Empty disables the
/// admin API: every /admin route then answers 404.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>The key callers send as <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Admin-Key</c>.</summary>
    public string? ApiKey { get; set; }
}
