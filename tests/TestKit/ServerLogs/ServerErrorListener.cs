using System.Diagnostics.Tracing;
using System.Text.Json;

namespace Identity.TestKit.ServerLogs;

/// <summary>
/// Hears the "Microsoft-Extensions-Logging" EventSource (ServiceDefaults adds its logger to every
/// host) at Error level and up, in-process, so no host needs to be built differently for tests.
/// </summary>
internal sealed class ServerErrorListener : EventListener
{
    private const string LoggingSource = "Microsoft-Extensions-Logging";

    // LoggingEventSource.Keywords.JsonMessage: one event with category, message and exception.
    private const EventKeywords JsonMessage = (EventKeywords)8;

    private static readonly Lock Gate = new();
    private static ServerErrorListener? _instance;

    public static void Start()
    {
        lock (Gate)
        {
            if (_instance is not null)
            {
                return;
            }
            _instance = new ServerErrorListener();
            TaskScheduler.UnobservedTaskException += (_, e) =>
            {
                if (IsRetryingCallsOwnAttempt(e.Exception))
                {
                    return;
                }
                ServerErrorLog.Record(new ServerLogEntry(
                    DateTimeOffset.UtcNow, "Critical", "TaskScheduler.UnobservedTaskException", "A task's exception was never observed",
                    e.Exception.InnerException?.GetType().FullName ?? e.Exception.GetType().FullName, e.Exception.InnerException?.Message ?? e.Exception.Message));
            };
        }
    }

    // grpc-dotnet's retrying call (Grpc.Net.Client.Internal.Retry.RetryCall) keeps a task per
    // attempt; when an attempt cannot even connect, that attempt's task faults after the call has
    // already delivered the same failure to its caller, and nothing inside the library observes it.
    // It is the library's bookkeeping, not an error our code dropped, so it alone is not counted.
    private static bool IsRetryingCallsOwnAttempt(AggregateException exception) =>
        exception.InnerExceptions.Count == 1
        && exception.InnerException is Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Unavailable } rpc
        && (rpc.StackTrace?.Contains("Grpc.Net.Client.Internal.Retry.RetryCall", StringComparison.Ordinal) ?? false)
        && (rpc.StackTrace?.Contains(" at Identity.", StringComparison.Ordinal) ?? false) is false;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == LoggingSource)
        {
            EnableEvents(eventSource, EventLevel.Error, JsonMessage);
        }
        base.OnEventSourceCreated(eventSource);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName != "MessageJson" || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }
        string? Field(string name) => names.IndexOf(name) is var i and >= 0 ? payload[i]?.ToString() : null;

        // Level is the LogLevel number: 4 Error, 5 Critical.
        var level = Field("Level") is { } text && int.TryParse(text, out var number) ? number : 0;
        if (level < 4)
        {
            return;
        }
        var (exceptionType, exceptionMessage) = ReadException(Field("ExceptionJson"));
        ServerErrorLog.Record(new ServerLogEntry(
            DateTimeOffset.UtcNow, level == 4 ? "Error" : "Critical", Field("LoggerName") ?? "", Field("FormattedMessage") ?? "", exceptionType, exceptionMessage));
    }

    private static (string? Type, string? Message) ReadException(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "{}")
        {
            return (null, null);
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return (root.TryGetProperty("TypeName", out var type) ? type.GetString() : null,
                root.TryGetProperty("Message", out var message) ? message.GetString() : null);
        }
        catch (JsonException)
        {
            return ("(unreadable)", json);
        }
    }
}
