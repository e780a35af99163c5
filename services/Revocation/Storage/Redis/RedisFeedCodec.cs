using System.Globalization;
using Identity.Revocation.Domain;
using StackExchange.Redis;

namespace Identity.Revocation.Storage.Redis;

/// <summary>Reads stream entries (id plus flat field list, as XRANGE returns them) back into events.</summary>
internal static class RedisFeedCodec
{
    public static RevocationEventRecord Decode(string tenantId, RedisResult entry)
    {
        var parts = (RedisResult[])entry!;
        var id = (string)parts[0]!;
        var flat = (RedisResult[])parts[1]!;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            fields[(string)flat[i]!] = (string?)flat[i + 1] ?? string.Empty;
        }
        return new RevocationEventRecord(
            tenantId,
            id,
            Enum.Parse<RevocationEventKind>(fields["kind"]),
            fields.GetValueOrDefault("user", string.Empty),
            fields.GetValueOrDefault("session"),
            fields.GetValueOrDefault("token"),
            fields.TryGetValue("watermark", out var watermark) ? FromMilliseconds(watermark) : null,
            FromMilliseconds(fields["time"]),
            fields.GetValueOrDefault("reason", string.Empty),
            fields.TryGetValue("origin", out var origin) ? (BlockOrigins)int.Parse(origin, NumberStyles.Integer, CultureInfo.InvariantCulture) : BlockOrigins.None);
    }

    public static DateTimeOffset FromMilliseconds(string text) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture));

    public static DateTimeOffset? FromMilliseconds(RedisValue value) =>
        value.IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)value);

    public static long Milliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
