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
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StoredUser))]
internal sealed partial class StoredUserJsonContext : JsonSerializerContext;
