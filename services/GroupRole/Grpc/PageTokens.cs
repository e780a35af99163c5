using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Identity.GroupRole.Grpc;

/// <summary>
/// Opaque page tokens. A group listing token carries the next offset and a digest of the query
/// it belongs to, so a token replayed against another filter is refused rather than misread.
/// A member token carries the last member id (keyset paging: stable while members change).
/// </summary>
internal static class PageTokens
{
    public static string ForOffset(int offset, string query) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"o:{offset.ToString(CultureInfo.InvariantCulture)}:{Digest(query)}"));

    public static int? ReadOffset(string token, string query)
    {
        var parts = Decode(token)?.Split(':');
        return parts is ["o", var offset, var digest]
            && digest == Digest(query)
            && int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    public static string ForMember(string groupId, string lastMemberId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"m:{Digest(groupId)}:{lastMemberId}"));

    public static string? ReadMember(string token, string groupId)
    {
        var text = Decode(token);
        var prefix = $"m:{Digest(groupId)}:";
        return text is not null && text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : null;
    }

    private static string? Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Digest(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8);
}
