namespace Identity.TestKit.ServerLogs;

/// <summary>
/// A test's declaration that a server may log one kind of error while it is in scope: a logger
/// category and a message fragment and/or an exception type, never "any error". Dispose it
/// where the provocation ends; <see cref="Hits"/> says how often it matched.
/// </summary>
public sealed class ServerErrorAllowance : IDisposable
{
    private int _hits;

    internal ServerErrorAllowance(string category, string? messageContains, string? exceptionType)
    {
        if (messageContains is null && exceptionType is null)
        {
            throw new ArgumentException("An allowance names a message fragment or an exception type, not just a category.");
        }
        Category = category;
        MessageContains = messageContains;
        ExceptionType = exceptionType;
    }

    public string Category { get; }

    public string? MessageContains { get; }

    /// <summary>The exception's full type name, e.g. <c>System.IO.IOException</c>.</summary>
    public string? ExceptionType { get; }

    public int Hits => Volatile.Read(ref _hits);

    internal bool Matches(ServerLogEntry entry)
    {
        var matches = entry.Category.StartsWith(Category, StringComparison.Ordinal)
            && (MessageContains is null
                || entry.Message.Contains(MessageContains, StringComparison.Ordinal)
                || (entry.ExceptionMessage?.Contains(MessageContains, StringComparison.Ordinal) ?? false))
            && (ExceptionType is null || string.Equals(entry.ExceptionType, ExceptionType, StringComparison.Ordinal));
        if (matches)
        {
            Interlocked.Increment(ref _hits);
        }
        return matches;
    }

    public void Dispose() => ServerErrorLog.Remove(this);
}
