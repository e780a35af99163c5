using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.Scim.Tests.Support;

namespace Identity.Scim.Tests.Patching;

public sealed class GroupPatchPlannerTests
{
    private static GroupPatchPlan Plan(params string[] operations) =>
        GroupPatchPlanner.Plan(PatchRequest.Parse(Fixtures.PatchBody(operations)));

    [Fact]
    public void Plan_EntraCombinedUpdate_SplitsRenameAddAndRemove()
    {
        // docs/idp-dialects.md §2.1: elimity testdata/azuread/update_group.json combines all three.
        var plan = Plan(
            """{"op":"Replace","path":"displayName","value":"1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName"}""",
            """{"op":"Add","path":"members","value":[{"$ref":null,"value":"f648f8d5ea4e4cd38e9c"}]}""",
            """{"op":"Remove","path":"members","value":[{"$ref":null,"value":"a1b2"}]}""");

        Assert.Equal([MemberChangeKind.Add, MemberChangeKind.Remove], plan.MemberChanges.Select(c => c.Kind));
        Assert.Equal(["f648f8d5ea4e4cd38e9c"], plan.MemberChanges[0].Ids);
        Assert.Equal(["a1b2"], plan.MemberChanges[1].Ids);
        Assert.Equal("displayName", Assert.Single(plan.OtherOperations.Operations).Path!.ToString());
    }

    [Fact]
    public void Plan_RemoveByValueFilterWithOr_RemovesEachId()
    {
        var plan = Plan("""{"op":"remove","path":"members[value eq \"a\" or value eq \"b\" or VALUE EQ \"c\"]"}""");

        var change = Assert.Single(plan.MemberChanges);
        Assert.Equal(MemberChangeKind.Remove, change.Kind);
        Assert.Equal(["a", "b", "c"], change.Ids);
        Assert.Empty(plan.OtherOperations.Operations);
    }

    [Fact]
    public void Plan_OktaReplaceFullList_SetsExactMembersWithDisplay()
    {
        // docs/idp-dialects.md §2.2 full push.
        var plan = Plan("""{"op":"replace","path":"members","value":[{"value":"a","display":"A"},{"value":"b","type":"User"}]}""");

        var change = Assert.Single(plan.MemberChanges);
        Assert.Equal(MemberChangeKind.Set, change.Kind);
        Assert.Equal([new MemberReference("a", null, "A"), new MemberReference("b", "User", null)], change.Members);
    }

    [Fact]
    public void Plan_RemoveMembersWithoutValue_SetsEmpty()
    {
        // RFC 7644 §3.5.2.2: removing the attribute removes every member.
        var plan = Plan("""{"op":"remove","path":"members"}""");

        var change = Assert.Single(plan.MemberChanges);
        Assert.Equal(MemberChangeKind.Set, change.Kind);
        Assert.Empty(change.Members);
    }

    [Fact]
    public void Plan_OktaRenameWithIdAndMembersPathless_SplitsMembersFromRename()
    {
        // docs/idp-dialects.md §2.2 (id inside value) and §2.8 item 3 (value holding "members").
        var plan = Plan("""{"op":"replace","value":{"id":"abf4","displayName":"Test SCIMv2","members":[{"value":"u1"}]}}""");

        Assert.Equal(MemberChangeKind.Set, Assert.Single(plan.MemberChanges).Kind);
        var other = Assert.Single(plan.OtherOperations.Operations);
        Assert.Equal("displayName", other.Path!.ToString());
    }

    [Fact]
    public void Plan_PathlessRenameOnly_KeepsOriginalOperation()
    {
        var plan = Plan("""{"op":"replace","value":{"id":"abf4","displayName":"Test"}}""");

        Assert.Empty(plan.MemberChanges);
        Assert.Null(Assert.Single(plan.OtherOperations.Operations).Path);
    }

    [Fact]
    public void Plan_DuplicateIdsInOneStep_AreListedOnce()
    {
        var plan = Plan("""{"op":"add","path":"members","value":[{"value":"a"},{"value":"a"},{"value":"b"}]}""");

        Assert.Equal(["a", "b"], Assert.Single(plan.MemberChanges).Ids);
    }

    [Fact]
    public void Plan_AddEmptyList_ProducesNoStep()
    {
        var plan = Plan("""{"op":"add","path":"members","value":[]}""");

        Assert.Empty(plan.MemberChanges);
    }

    [Theory]
    [InlineData("""{"op":"remove","path":"members[display eq \"x\"]"}""", "invalidFilter")]
    [InlineData("""{"op":"remove","path":"members[value co \"x\"]"}""", "invalidFilter")]
    [InlineData("""{"op":"remove","path":"members[value eq \"a\" and type eq \"User\"]"}""", "invalidFilter")]
    [InlineData("""{"op":"replace","path":"members[value eq \"a\"]","value":{"display":"x"}}""", "invalidPath")]
    [InlineData("""{"op":"replace","path":"members[value eq \"a\"].display","value":"x"}""", "invalidPath")]
    [InlineData("""{"op":"replace","path":"members.display","value":"x"}""", "invalidPath")]
    [InlineData("""{"op":"add","path":"members","value":[{"display":"no id"}]}""", "invalidValue")]
    [InlineData("""{"op":"add","path":"members","value":["a"]}""", "invalidValue")]
    public void Plan_UnsupportedMemberOperation_Throws(string operation, string scimType)
    {
        var request = PatchRequest.Parse(Fixtures.PatchBody(operation));

        var error = Assert.Throws<ScimException>(() => GroupPatchPlanner.Plan(request));

        Assert.Equal(scimType, error.ScimType);
        Assert.StartsWith("Operations[0]:", error.Detail, StringComparison.Ordinal);
    }
}
