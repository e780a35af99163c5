using Grpc.Core;
using Identity.Contracts.Revocation.V1;

namespace Identity.Revocation.Client;

/// <summary>
/// Keeps one tenant's cache in step with WatchRevocations. While subscribed the cache is live;
/// when the stream breaks the cache is dropped (nothing stale is served meanwhile) and the
/// watcher re-subscribes after its last event id, or from now on when that id is past the
/// feed's retention (OUT_OF_RANGE).
/// </summary>
internal sealed class FeedWatcher(
    RevocationService.RevocationServiceClient client,
    string tenantId,
    TenantCache cache,
    RevocationClientOptions options,
    TimeProvider time)
{
    private string _lastEventId = string.Empty;

    public async Task RunAsync(CancellationToken stopping)
    {
        var delay = options.ReconnectDelay;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                using var call = client.WatchRevocations(
                    new WatchRevocationsRequest { TenantId = tenantId, AfterEventId = _lastEventId }, cancellationToken: stopping);
                await call.ResponseHeadersAsync.ConfigureAwait(false);
                cache.SetLive(true);
                delay = options.ReconnectDelay;
                while (await call.ResponseStream.MoveNext(stopping).ConfigureAwait(false))
                {
                    cache.Apply(call.ResponseStream.Current);
                    _lastEventId = call.ResponseStream.Current.EventId;
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.OutOfRange)
            {
                // Events after our position were trimmed: whatever we knew may be stale.
                _lastEventId = string.Empty;
            }
            catch (RpcException) when (!stopping.IsCancellationRequested)
            {
                // The service is unreachable or restarting: retry below.
            }
            catch (Exception ex) when (ex is OperationCanceledException or RpcException && stopping.IsCancellationRequested)
            {
                return;
            }
            finally
            {
                cache.SetLive(false);
            }
            try
            {
                await Task.Delay(delay, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxReconnectDelay.Ticks));
        }
    }
}
