using System.Text.Json;
using System.Text.Json.Serialization;

namespace Identity.Directory.Users;

/// <summary>The snapshot of a user kept with a feed event, so WatchUsers can replay the user as it was after each change.</summary>
public static class StoredUserJson
{
    // Every write stores a snapshot and every feed read parses one: generated code, no reflection.
    public static string Serialize(StoredUser user) => JsonSerializer.Serialize(user, StoredUserJsonContext.Default.StoredUser);

    public static StoredUser Deserialize(string json) =>
        JsonSerializer.Deserialize(json, StoredUserJsonContext.Default.StoredUser) ?? throw new InvalidOperationException("Empty user snapshot.");

    /// <summary>The snapshot as UTF-8, for a store that keeps bytes: no detour through a UTF-16 string on either side.</summary>
    public static byte[] SerializeToUtf8(StoredUser user) => JsonSerializer.SerializeToUtf8Bytes(user, StoredUserJsonContext.Default.StoredUser);

    public static StoredUser Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, StoredUserJsonContext.Default.StoredUser) ?? throw new InvalidOperationException("Empty user snapshot.");
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StoredUser))]
internal sealed partial class StoredUserJsonContext : JsonSerializerContext;
