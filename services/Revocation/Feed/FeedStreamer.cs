using Grpc.Core;
using Identity.Contracts.Revocation.V1;
using Identity.Revocation.Domain;
using Identity.Revocation.Grpc;
using Identity.Revocation.Storage;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Feed;

/// <summary>
/// Serves one WatchRevocations call: replays what the subscriber missed after its last event id,
/// then tails the feed, waking on the store's append signal with a fallback re-read.
/// </summary>
public sealed class FeedStreamer(IRevocationStore store, IOptions<RevocationFeedOptions> options, TimeProvider time, IHostApplicationLifetime lifetime)
{
    public async Task StreamAsync(string tenantId, string afterEventId, IServerStreamWriter<RevocationEvent> writer, ServerCallContext context)
    {
        // End open streams when the host stops, so shutdown does not wait out its timeout; the
        // subscriber resumes elsewhere from its last event id.
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var cancellationToken = stream.Token;
        FeedPosition cursor;
        if (afterEventId.Length == 0)
        {
            cursor = await store.GetLatestEventIdAsync(tenantId, cancellationToken);
        }
        else if (!FeedPosition.TryParse(afterEventId, out cursor))
        {
            throw Errors.InvalidArgument($"after_event_id '{afterEventId}' is not an event id.");
        }
        // Headers tell the subscriber its position is fixed: from here on it misses nothing,
        // which is when a client may start trusting its cache.
        await context.WriteResponseHeadersAsync([]);

        var batch = options.Value.BatchSize;
        while (!cancellationToken.IsCancellationRequested)
        {
            var appended = store.WhenEventAppended(tenantId);
            var read = await store.ReadEventsAsync(tenantId, cursor, batch, cancellationToken);
            if (read.Gap)
            {
                throw Errors.FeedGap(cursor.ToString());
            }
            foreach (var record in read.Events)
            {
                await writer.WriteAsync(record.ToContract(), cancellationToken);
                cursor = FeedPosition.Parse(record.EventId);
            }
            if (read.Events.Count < batch)
            {
                await Task.WhenAny(appended, Task.Delay(options.Value.FallbackPoll, time, cancellationToken));
                if (lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
