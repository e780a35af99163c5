using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Admin;

/// <summary>
/// Checks a presented admin key against the configured one. Both sides are hashed with SHA-256
/// first, so the comparison always runs over 32 bytes and <see cref="CryptographicOperations.FixedTimeEquals"/>
/// leaks neither the key's content nor its length through timing.
/// </summary>
public sealed class AdminCredential
{
    private readonly byte[]? _expectedHash;

    public AdminCredential(IOptions<AdminOptions> options)
    {
        var key = options.Value.ApiKey;
        _expectedHash = string.IsNullOrEmpty(key) ? null : Hash(key);
    }

    /// <summary>False when no key is configured: the admin API is then switched off.</summary>
    public bool IsEnabled => _expectedHash is not null;

    /// <summary>True when <paramref name="presented"/> is the configured key.</summary>
    public bool Matches(string? presented)
    {
        if (_expectedHash is null || string.IsNullOrEmpty(presented))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Hash(presented), _expectedHash);
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
