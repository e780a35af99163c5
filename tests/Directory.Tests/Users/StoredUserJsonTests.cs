using Identity.Directory.Users;

namespace Identity.Directory.Tests.Users;

/// <summary>The user snapshot stored with each feed event, which WatchUsers replays.</summary>
public sealed class StoredUserJsonTests
{
    private static readonly StoredUser User = new(
        "tenant-a", "0193a1b2-0000-7000-8000-000000000001", 42, "Ada.Lovelace@Example.com", "EXT-1", "Ada \"Countess\" Lovelace", false,
        [new UserEmail("ada@example.com", "work", true), new UserEmail("ada@home.example", null, false)],
        """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Ada.Lovelace@Example.com","name":{"givenName":"Ada"}}""",
        7, DateTimeOffset.Parse("2026-01-02T03:04:05.678Z"), DateTimeOffset.Parse("2026-03-04T05:06:07.891Z"), UserOrigin.Jit, true,
        DateTimeOffset.Parse("2026-05-06T07:08:09.123Z"));

    [Fact]
    public void RoundTrip_KeepsEveryStoredField()
    {
        var back = StoredUserJson.Deserialize(StoredUserJson.Serialize(User));

        Assert.Equal(User with { Emails = [] }, back with { Emails = [] });
        Assert.Equal(User.Emails, back.Emails);
        Assert.Equal("ada.lovelace@example.com", back.UserNameKey);
        Assert.Equal("ada@example.com", back.PrimaryEmail);
    }

    [Fact]
    public void Serialize_LeavesOutDerivedProperties()
    {
        var json = StoredUserJson.Serialize(User);

        Assert.Contains("\"userName\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("userNameKey", json, StringComparison.Ordinal);
        Assert.DoesNotContain("primaryEmail", json, StringComparison.Ordinal);
        Assert.DoesNotContain("isActive", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SnapshotWrittenWithDerivedProperties_StillReads()
    {
        // Snapshots stored before the derived properties were left out carry them; they are ignored.
        var old = StoredUserJson.Serialize(User).TrimEnd('}') + ""","userNameKey":"x","externalIdKey":"y","primaryEmail":"z","isDeleted":true,"isActive":true}""";

        var back = StoredUserJson.Deserialize(old);

        Assert.Equal(User.UserName, back.UserName);
        Assert.Equal(User.Deleted, back.Deleted);
        Assert.Equal("ada.lovelace@example.com", back.UserNameKey);
    }
}
