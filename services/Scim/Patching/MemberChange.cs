namespace Identity.Scim.Patching;

/// <summary>One step of a member plan.</summary>
public sealed record MemberChange(MemberChangeKind Kind, IReadOnlyList<MemberReference> Members)
{
    /// <summary>The member ids of this step, in request order.</summary>
    public IEnumerable<string> Ids => Members.Select(m => m.Value);
}
