using System.Security.Cryptography;

namespace Identity.DevHost;

/// <summary>
/// Without IDENTITY_BOOTSTRAP_TOKEN, the DevHost makes one random token and keeps it in the data
/// folder (owner-readable only), so a restarted DevHost prints the same token it printed before.
/// </summary>
internal static class LocalTokenFile
{
    private const string FileName = "bootstrap-token";

    public static async Task<string> ReadOrCreateAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            var stored = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
            if (stored.Length >= 24)
            {
                return stored;
            }
        }
        var token = "idt_dev_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await File.WriteAllTextAsync(path, token, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return token;
    }
}
