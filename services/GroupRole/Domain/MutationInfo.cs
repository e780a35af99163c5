namespace Identity.GroupRole.Domain;

/// <summary>Who changes something, under which request, and when: written into group_audit.</summary>
public sealed record MutationInfo(string Actor, string RequestId, DateTimeOffset At);
