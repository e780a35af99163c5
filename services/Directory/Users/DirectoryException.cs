namespace Identity.Directory.Users;

/// <summary>A request Directory refuses; Grpc/Errors.cs turns <see cref="Failure"/> into a status and reason.</summary>
public sealed class DirectoryException : Exception
{
    public DirectoryException(DirectoryFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    public DirectoryException()
        : this(DirectoryFailure.InvalidValue, "Invalid request.")
    {
    }

    public DirectoryException(string message)
        : this(DirectoryFailure.InvalidValue, message)
    {
    }

    public DirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failure = DirectoryFailure.InvalidValue;
    }

    public DirectoryFailure Failure { get; }
}
