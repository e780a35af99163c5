namespace Identity.GroupRole.Domain;

/// <summary>What a membership points at; Unspecified is resolved before anything is stored.</summary>
public enum MemberKind
{
    Unspecified = 0,
    User = 1,
    Group = 2,
}
