namespace Identity.GroupRole.Domain;

/// <summary>One page of a group listing and the size of the whole result.</summary>
public sealed record GroupPage(IReadOnlyList<GroupRecord> Groups, int TotalResults);
