namespace Identity.GroupRole.Storage.Mongo;

/// <summary>Collection names in the GroupRole database.</summary>
public static class MongoCollections
{
    public const string Groups = "groups";
    public const string Memberships = "memberships";
    public const string RoleMappings = "role_mappings";
    public const string UserState = "user_state";
    public const string GroupAudit = "group_audit";
}
