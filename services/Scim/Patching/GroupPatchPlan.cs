namespace Identity.Scim.Patching;

/// <summary>
/// A Group PATCH split in two: membership steps to hand to the GroupRole service in order, and
/// the remaining operations (displayName, externalId...) for <see cref="PatchEngine"/>.
/// </summary>
public sealed class GroupPatchPlan
{
    public GroupPatchPlan(IReadOnlyList<MemberChange> memberChanges, PatchRequest otherOperations)
    {
        MemberChanges = memberChanges;
        OtherOperations = otherOperations;
    }

    public IReadOnlyList<MemberChange> MemberChanges { get; }

    /// <summary>The non-member operations; its list may be empty.</summary>
    public PatchRequest OtherOperations { get; }
}
