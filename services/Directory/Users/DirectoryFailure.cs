namespace Identity.Directory.Users;

/// <summary>Why Directory refuses a request before touching the store.</summary>
public enum DirectoryFailure
{
    InvalidValue,
    InvalidFilter,
    InvalidPageToken,
    NotFound,
    VersionMismatch,
}
