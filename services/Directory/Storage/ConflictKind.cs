namespace Identity.Directory.Storage;

/// <summary>Why a store refused a write.</summary>
public enum ConflictKind
{
    /// <summary>Another live user in the tenant has the userName (case-insensitive).</summary>
    UserNameTaken,

    /// <summary>The stored version is not the expected one.</summary>
    VersionMismatch,

    /// <summary>The record to replace does not exist (or is deleted).</summary>
    NotFound,

    /// <summary>An insert found the id already taken.</summary>
    AlreadyExists,
}
