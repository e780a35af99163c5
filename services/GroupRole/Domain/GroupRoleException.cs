namespace Identity.GroupRole.Domain;

/// <summary>A refusal that depends on stored state (uniqueness, versions, cycles) or on input values.</summary>
public sealed class GroupRoleException : Exception
{
    public GroupRoleException(GroupRoleError error, string message)
        : base(message)
    {
        Error = error;
    }

    public GroupRoleException()
        : this(GroupRoleError.InvalidValue, "Invalid request.")
    {
    }

    public GroupRoleException(string message)
        : this(GroupRoleError.InvalidValue, message)
    {
    }

    public GroupRoleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = GroupRoleError.InvalidValue;
    }

    public GroupRoleError Error { get; }

    public static GroupRoleException GroupNotFound(string groupId) =>
        new(GroupRoleError.NotFound, $"Group '{groupId}' does not exist in this tenant.");

    public static GroupRoleException NameTaken(string displayName) =>
        new(GroupRoleError.DisplayNameTaken, $"A group named '{displayName}' already exists in this tenant.");

    public static GroupRoleException StaleVersion(string groupId, long expected, long actual) =>
        new(GroupRoleError.VersionMismatch, $"Group '{groupId}' is at version {actual}, not {expected}.");
}
