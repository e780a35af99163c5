namespace Identity.Scim.Patching;

/// <summary>What a step of a member plan does to a group's membership.</summary>
public enum MemberChangeKind
{
    /// <summary>Add these members; existing ones stay (idempotent).</summary>
    Add,

    /// <summary>Remove these members; absent ones are ignored (idempotent).</summary>
    Remove,

    /// <summary>Make these exactly the members.</summary>
    Set,
}
