using System.Security.Cryptography;

namespace Identity.DevHost;

/// <summary>
/// Without IDENTITY_BOOTSTRAP_TOKEN (or IDENTITY_ADMIN_KEY), the DevHost makes one random secret and
/// keeps it in the data folder (owner-readable only), so a restarted DevHost prints the same one again.
/// </summary>
internal static class LocalTokenFile
{
    private const string FileName = "bootstrap-token";
    private const string AdminKeyFileName = "admin-key";

    public static Task<string> ReadOrCreateAsync(string dataDirectory, CancellationToken cancellationToken) =>
        ReadOrCreateAsync(dataDirectory, FileName, "idt_dev_", cancellationToken);

    /// <summary>The admin API key, kept beside the bootstrap token.</summary>
    public static Task<string> ReadOrCreateAdminKeyAsync(string dataDirectory, CancellationToken cancellationToken) =>
        ReadOrCreateAsync(dataDirectory, AdminKeyFileName, "ida_dev_", cancellationToken);

    private static async Task<string> ReadOrCreateAsync(string dataDirectory, string fileName, string prefix, CancellationToken cancellationToken)
    {
        var path = Path.Combine(dataDirectory, fileName);
        if (File.Exists(path))
        {
            var stored = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
            if (stored.Length >= 24)
            {
                return stored;
            }
        }
        var token = prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await File.WriteAllTextAsync(path, token, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return token;
    }
}
