using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Identity.Directory.Users;

/// <summary>
/// An opaque cursor: the last (sort key, ordinal) a page returned and a hash of the query it
/// belongs to, so a token replayed against another filter or order is refused, not misread.
/// </summary>
public sealed record PageToken(string? Key, decimal? Number, long Ordinal, string QueryHash)
{
    public static string HashQuery(string filter, string sortBy, bool descending, bool includeDeleted) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{filter}\n{sortBy.ToLowerInvariant()}\n{descending}\n{includeDeleted}")))[..16];

    public string Encode() =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static PageToken Decode(string text, string expectedHash)
    {
        PageToken? token = null;
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            token = JsonSerializer.Deserialize<PageToken>(Convert.FromBase64String(base64));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
        }
        if (token is null)
        {
            throw new DirectoryException(DirectoryFailure.InvalidPageToken, "page_token is not one this server issued.");
        }
        if (token.QueryHash != expectedHash)
        {
            throw new DirectoryException(DirectoryFailure.InvalidPageToken, "page_token belongs to another filter, sort or listing.");
        }
        return token;
    }
}
