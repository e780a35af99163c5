namespace Identity.TestKit.ServerLogs;

/// <summary>
/// Every Error or Critical log event of every server this test process runs (real hosts log
/// through Microsoft.Extensions.Logging's EventSource, which <see cref="ServerErrorListener"/>
/// hears), plus unobserved task exceptions. <see cref="FailOnServerErrorsAttribute"/> fails the
/// test during which an unexpected one arrives; a test that provokes one on purpose declares it
/// with <see cref="Allow(string, string?, Type?)"/>.
/// </summary>
public static class ServerErrorLog
{
    private static readonly Lock Gate = new();
    private static readonly List<ServerErrorAllowance> Allowances = [];
    private static readonly List<(long Sequence, ServerLogEntry Entry)> Unexpected = [];
    private static long _sequence;

    /// <summary>Allows errors of <paramref name="category"/> (a logger category or its prefix) whose message contains
    /// <paramref name="messageContains"/> and/or whose exception is of <paramref name="exceptionType"/>, until disposed.</summary>
    public static ServerErrorAllowance Allow(string category, string? messageContains = null, Type? exceptionType = null)
    {
        EnsureListening();
        var allowance = new ServerErrorAllowance(category, messageContains, exceptionType?.FullName);
        lock (Gate)
        {
            Allowances.Add(allowance);
        }
        return allowance;
    }

    /// <summary>Starts listening (idempotent); the attribute calls it before each test and at load.</summary>
    public static void EnsureListening() => ServerErrorListener.Start();

    /// <summary>A position in the log: entries recorded later have a higher sequence.</summary>
    public static long Mark()
    {
        lock (Gate)
        {
            return _sequence;
        }
    }

    /// <summary>Removes and returns the unexpected entries recorded after <paramref name="mark"/>.</summary>
    public static IReadOnlyList<ServerLogEntry> TakeUnexpectedSince(long mark)
    {
        lock (Gate)
        {
            var taken = Unexpected.Where(e => e.Sequence > mark).Select(e => e.Entry).ToList();
            Unexpected.RemoveAll(e => e.Sequence > mark);
            return taken;
        }
    }

    internal static void Record(ServerLogEntry entry)
    {
        lock (Gate)
        {
            _sequence++;
            // Every matching allowance counts the hit, so each test can see its own provocation land.
            var allowed = false;
            foreach (var allowance in Allowances)
            {
                allowed |= allowance.Matches(entry);
            }
            if (!allowed)
            {
                Unexpected.Add((_sequence, entry));
            }
        }
    }

    internal static void Remove(ServerErrorAllowance allowance)
    {
        lock (Gate)
        {
            Allowances.Remove(allowance);
        }
    }
}
