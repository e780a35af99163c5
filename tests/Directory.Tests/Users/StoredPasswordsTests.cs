using Identity.Directory.Users;

namespace Identity.Directory.Tests.Users;

/// <summary>The pure purge both stores run (SQLite schema step 2, MongoDB's start-up pass).</summary>
public sealed class StoredPasswordsTests
{
    private static StoredUser Snapshot(string resourceJson) => new(
        "t1", "u1", 1, "ann", null, null, true, [], resourceJson, 3, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
        UserOrigin.Scim, IdpManaged: true, Deleted: null);

    [Fact]
    public void PurgeResource_WithPassword_AnswersTheResourceWithout()
    {
        var purged = StoredPasswords.PurgeResource("""{"userName":"ann","Password":"s3","title":"T"}""");

        Assert.Equal("""{"userName":"ann","title":"T"}""", purged);
    }

    [Fact]
    public void PurgeResource_WithoutPassword_AnswersNull_SoNothingIsRewritten() =>
        Assert.Null(StoredPasswords.PurgeResource("""{"userName":"password-reset@example.com"}"""));

    [Fact]
    public void PurgeSnapshot_KeepsEverythingButThePassword()
    {
        var snapshot = Snapshot("""{"userName":"ann","password":"s3"}""");

        var purged = StoredPasswords.PurgeSnapshot(snapshot);

        Assert.Equal(snapshot with { ResourceJson = """{"userName":"ann"}""" }, purged);
        Assert.Null(StoredPasswords.PurgeSnapshot(purged!));
    }

    [Fact]
    public void PurgeSnapshot_SurvivesTheSnapshotFormatRoundTrip()
    {
        var text = StoredUserJson.Serialize(Snapshot("""{"userName":"ann","password":"s3"}"""));

        var purged = StoredPasswords.PurgeSnapshot(StoredUserJson.Deserialize(text));

        Assert.DoesNotContain("s3", StoredUserJson.Serialize(purged!), StringComparison.Ordinal);
    }
}
