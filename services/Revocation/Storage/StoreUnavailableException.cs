namespace Identity.Revocation.Storage;

/// <summary>The store's backend cannot be reached; callers answer UNAVAILABLE and fail closed.</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
