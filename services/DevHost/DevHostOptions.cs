using System.ComponentModel.DataAnnotations;

namespace Identity.DevHost;

/// <summary>
/// Ports and folders of the embedded suite. Bound from <c>DevHost</c> (<c>DevHost__ScimPort</c>)
/// plus the IDENTITY_* environment variables named below.
/// </summary>
public sealed class DevHostOptions
{
    public const string SectionName = "DevHost";

    /// <summary>The address every service binds to; loopback unless you mean to expose it.</summary>
    [Required]
    public string Bind { get; set; } = "127.0.0.1";

    [Range(0, 65535)] public int ScimPort { get; set; } = 8080;
    [Range(0, 65535)] public int ScimManagementPort { get; set; } = 8081;
    [Range(0, 65535)] public int DirectoryPort { get; set; } = 5001;
    [Range(0, 65535)] public int DirectoryManagementPort { get; set; } = 5101;
    [Range(0, 65535)] public int GroupRolePort { get; set; } = 5002;
    [Range(0, 65535)] public int GroupRoleManagementPort { get; set; } = 5102;
    [Range(0, 65535)] public int RevocationPort { get; set; } = 5003;
    [Range(0, 65535)] public int RevocationManagementPort { get; set; } = 5103;

    /// <summary>Embedded data (IDENTITY_DATA_DIR); relative paths are under the working directory.</summary>
    public string DataDirectory { get; set; } = ".identity-data";

    /// <summary>Tenant created at start (IDENTITY_BOOTSTRAP_TENANT).</summary>
    public string BootstrapTenant { get; set; } = "default";

    /// <summary>Token created at start (IDENTITY_BOOTSTRAP_TOKEN); generated once and kept in the data folder when unset.</summary>
    public string? BootstrapToken { get; set; }

    /// <summary>Optional Redis for revocation state (IDENTITY_REDIS); in-process when unset.</summary>
    public string? Redis { get; set; }
}
