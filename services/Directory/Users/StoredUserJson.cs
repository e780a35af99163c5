using System.Text.Json;

namespace Identity.Directory.Users;

/// <summary>The snapshot of a user kept with a feed event, so WatchUsers can replay the user as it was after each change.</summary>
public static class StoredUserJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(StoredUser user) => JsonSerializer.Serialize(user, Options);

    public static StoredUser Deserialize(string json) =>
        JsonSerializer.Deserialize<StoredUser>(json, Options) ?? throw new InvalidOperationException("Empty user snapshot.");
}
