namespace Identity.GroupRole.Storage.Mongo;

/// <summary>Collection names in the GroupRole database.</summary>
public static class MongoCollections
{
    public const string Groups = "groups";
    public const string Memberships = "memberships";
    public const string RoleMappings = "role_mappings";
    public const string UserState = "user_state";
    public const string GroupAudit = "group_audit";

    /// <summary>One document per tenant, written by every group-in-group insert to serialize cycle checks.</summary>
    public const string GraphLocks = "graph_locks";
}
