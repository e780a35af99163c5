namespace Identity.TestKit.ServerLogs;

/// <summary>One Error or Critical log event of a server in this test process.</summary>
public sealed record ServerLogEntry(DateTimeOffset At, string Level, string Category, string Message, string? ExceptionType, string? ExceptionMessage)
{
    public override string ToString() =>
        $"{At:HH:mm:ss.fff} {Level} [{Category}] {Message}" + (ExceptionType is null ? "" : $" -> {ExceptionType}: {ExceptionMessage}");
}
