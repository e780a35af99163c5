namespace Identity.GroupRole.Domain;

/// <summary>The action names written to group_audit.</summary>
public static class GroupAuditActions
{
    public const string Create = "group.create";
    public const string Update = "group.update";
    public const string Delete = "group.delete";
    public const string MembersChange = "group.members";
}
