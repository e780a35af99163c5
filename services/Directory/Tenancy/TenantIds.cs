using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Identity.Directory.Tenancy;

/// <summary>Tenant ids appear in URLs (/tenants/{id}/scim/v2) and keys, so they stay URL- and key-safe.</summary>
public static partial class TenantIds
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string tenantId) => Pattern().IsMatch(tenantId);

    public static string New() => "t_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
