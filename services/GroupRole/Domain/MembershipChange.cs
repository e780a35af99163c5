namespace Identity.GroupRole.Domain;

/// <summary>What a membership write actually changed; a no-op leaves the version alone.</summary>
public sealed record MembershipChange(int Added, int Removed, long GroupVersion);
