namespace Identity.Directory.Storage;

/// <summary>A store refused a write because of state it holds; the gRPC layer maps <see cref="Kind"/> to a status.</summary>
public sealed class StoreConflictException : Exception
{
    public StoreConflictException(ConflictKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public StoreConflictException()
        : this(ConflictKind.VersionMismatch, "Conflict.")
    {
    }

    public StoreConflictException(string message)
        : this(ConflictKind.VersionMismatch, message)
    {
    }

    public StoreConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = ConflictKind.VersionMismatch;
    }

    public ConflictKind Kind { get; }
}
