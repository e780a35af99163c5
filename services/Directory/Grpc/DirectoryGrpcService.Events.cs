using System.Globalization;
using Grpc.Core;
using Identity.Contracts.Directory.V1;

namespace Identity.Directory.Grpc;

public sealed partial class DirectoryGrpcService
{
    private const int FeedBatch = 500;
    private const int DefaultAuditPage = 100;
    private const int MaxAuditPage = 1000;

    // Bounds how late a write from another process (a shared MongoDB) reaches a watcher.
    private static readonly TimeSpan FeedPollInterval = TimeSpan.FromMilliseconds(100);

    // How long a woken watcher waits for more commits before reading: a small, bounded delay on each
    // change in exchange for a read per batch instead of per write (a third of a create's cost without it).
    private static readonly TimeSpan FeedCoalesce = TimeSpan.FromMilliseconds(5);

    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    public override async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        var size = request.PageSize <= 0 ? DefaultAuditPage : Math.Min(request.PageSize, MaxAuditPage);
        var after = ParsePosition(request.PageToken, "page_token", Contracts.Common.V1.ErrorReason.InvalidPageToken);
        var page = await events.ReadAsync(request.TenantId, after, size + 1, request.ResourceId, userChangesOnly: false, context.CancellationToken);
        var shown = page.Take(size).ToList();
        return new ListAuditEventsResponse
        {
            Events = { shown.Select(e => e.ToContract()) },
            NextPageToken = page.Count > size ? shown[^1].Sequence.ToString(CultureInfo.InvariantCulture) : "",
        };
    }

    /// <summary>
    /// Replays user changes after the given position, then follows new ones until the caller
    /// cancels. An in-process signal wakes the loop at once; the poll covers other writers.
    /// </summary>
    public override async Task WatchUsers(WatchUsersRequest request, IServerStreamWriter<UserChangeEvent> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var after = ParsePosition(request.AfterPosition, "after_position", Contracts.Common.V1.ErrorReason.InvalidValue);
        if (string.IsNullOrEmpty(request.AfterPosition) && !request.FromBeginning)
        {
            after = await events.LastSequenceAsync(request.TenantId, cancellationToken);
        }
        var announceCaughtUp = request.AnnounceCaughtUp;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Taken before reading, so a write that lands between the read and the wait still wakes us.
                var signal = notifier.NextChangeAsync(request.TenantId);
                var batch = await events.ReadAsync(request.TenantId, after, FeedBatch, null, userChangesOnly: true, cancellationToken);
                for (var i = 0; i < batch.Count; i++)
                {
                    // One flush per batch rather than per event: the last write sends them all.
                    responseStream.WriteOptions = i < batch.Count - 1 ? Buffered : null;
                    await responseStream.WriteAsync(batch[i].ToChangeEvent(request.View), cancellationToken);
                    after = batch[i].Sequence;
                }
                if (batch.Count < FeedBatch)
                {
                    if (announceCaughtUp)
                    {
                        // This read reached the end of the log: everything committed before it is delivered.
                        announceCaughtUp = false;
                        await responseStream.WriteAsync(CaughtUp(request.TenantId, after), cancellationToken);
                    }
                    if (await Task.WhenAny(signal, Task.Delay(FeedPollInterval, time, cancellationToken)) == signal)
                    {
                        // Woken by a local commit: let the writes right behind it land, so that under a
                        // burst of creates one read and one flush carry many events instead of one each.
                        await Task.Delay(FeedCoalesce, time, cancellationToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static UserChangeEvent CaughtUp(string tenantId, long position) => new()
    {
        TenantId = tenantId,
        Position = position.ToString(CultureInfo.InvariantCulture),
        Type = UserChangeType.CaughtUp,
    };

    private static long ParsePosition(string text, string field, Contracts.Common.V1.ErrorReason reason)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : throw Errors.InvalidArgument($"{field} is not a position this server issued.", reason);
    }
}
