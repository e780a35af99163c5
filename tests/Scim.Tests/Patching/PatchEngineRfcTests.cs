using System.Text.Json.Nodes;
using Identity.Scim.Patching;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;

namespace Identity.Scim.Tests.Patching;

/// <summary>The examples of RFC 7644 §3.5.2.1–§3.5.2.3, applied to the RFC 7643 §8 resources.</summary>
public sealed class PatchEngineRfcTests
{
    private static JsonObject ApplyToGroup(params string[] operations) =>
        PatchEngine.Apply(Fixtures.Group(), PatchRequest.Parse(Fixtures.PatchBody(operations)), SchemaRegistry.Default.Groups);

    private static JsonObject ApplyToUser(params string[] operations) =>
        PatchEngine.Apply(Fixtures.User(), PatchRequest.Parse(Fixtures.PatchBody(operations)), SchemaRegistry.Default.Users);

    private static List<string> MemberIds(JsonObject group) =>
        group["members"] is JsonArray members ? members.Select(m => m!["value"]!.GetValue<string>()).ToList() : [];

    [Fact]
    public void Apply_AddMemberExample_AppendsMember()
    {
        var result = ApplyToGroup("""
            {"op":"add","path":"members","value":[{"display":"Babs Jensen","$ref":"https://example.com/v2/Users/aaa","value":"aaa"}]}
            """);

        Assert.Equal(["2819c223-7f76-453a-919d-413861904646", "902c246b-6245-4190-8e05-00816be7344a", "aaa"], MemberIds(result));
    }

    [Fact]
    public void Apply_AddWithoutPathExample_AddsEmailAndNickName()
    {
        var result = ApplyToUser("""
            {"op":"add","value":{"emails":[{"value":"babs@jensen.org","type":"home"},{"value":"new@jensen.org","type":"home"}],"nickName":"Babsy"}}
            """);

        Assert.Equal(3, result["emails"]!.AsArray().Count);
        Assert.Equal("Babsy", result["nickName"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_RemoveSingleMemberExample_RemovesOnlyThatMember()
    {
        var result = ApplyToGroup("""{"op":"remove","path":"members[value eq \"2819c223-7f76-453a-919d-413861904646\"]"}""");

        Assert.Equal(["902c246b-6245-4190-8e05-00816be7344a"], MemberIds(result));
    }

    [Fact]
    public void Apply_RemoveAllMembersExample_RemovesAttribute()
    {
        var result = ApplyToGroup("""{"op":"remove","path":"members"}""");

        Assert.False(result.ContainsKey("members"));
    }

    [Fact]
    public void Apply_RemoveAllThenAddExample_LeavesOnlyNewMember()
    {
        var result = ApplyToGroup(
            """{"op":"remove","path":"members"}""",
            """{"op":"add","path":"members","value":[{"display":"James Smith","value":"08e1d05d"}]}""");

        Assert.Equal(["08e1d05d"], MemberIds(result));
    }

    [Fact]
    public void Apply_RemoveWithComplexFilterExample_RemovesMatchingEmails()
    {
        var result = ApplyToUser("""{"op":"remove","path":"emails[type eq \"work\" and value ew \"example.com\"]"}""");

        Assert.Equal(["babs@jensen.org"], result["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void Apply_ReplaceMembersExample_ReplacesWholeList()
    {
        var result = ApplyToGroup("""
            {"op":"replace","path":"members","value":[{"display":"Babs Jensen","value":"2819c223"},{"display":"James Smith","value":"08e1d05d"}]}
            """);

        Assert.Equal(["2819c223", "08e1d05d"], MemberIds(result));
    }

    [Fact]
    public void Apply_ReplaceWorkAddressExample_ReplacesMatchingAddress()
    {
        var result = ApplyToUser("""
            {"op":"replace","path":"addresses[type eq \"work\"]","value":{"type":"work","streetAddress":"911 Universal City Plaza","locality":"Hollywood","region":"CA","postalCode":"91608","country":"US","formatted":"911 Universal City Plaza\nHollywood, CA 91608 US","primary":true}}
            """);

        var work = result["addresses"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "work")!;
        Assert.Equal("911 Universal City Plaza", work["streetAddress"]!.GetValue<string>());
        Assert.Equal("US", work["country"]!.GetValue<string>());
        Assert.Equal(2, result["addresses"]!.AsArray().Count);
    }

    [Fact]
    public void Apply_ReplaceSubAttributeOfFilteredValueExample_ChangesOnlyThatField()
    {
        var result = ApplyToUser("""{"op":"replace","path":"addresses[type eq \"work\"].streetAddress","value":"1111 Broadway Ave"}""");

        var work = result["addresses"]![0]!;
        Assert.Equal("1111 Broadway Ave", work["streetAddress"]!.GetValue<string>());
        Assert.Equal("Hollywood", work["locality"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_ReplaceWithoutPathExample_ReplacesEmailsAndNickName()
    {
        var result = ApplyToUser("""
            {"op":"replace","value":{"emails":[{"value":"bjensen@example.com","type":"work","primary":true},{"value":"babs@jensen.org","type":"home"}],"nickName":"Babs"}}
            """);

        Assert.Equal(2, result["emails"]!.AsArray().Count);
        Assert.Equal("Babs", result["nickName"]!.GetValue<string>());
    }
}
