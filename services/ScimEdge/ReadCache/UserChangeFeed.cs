using Grpc.Core;
using Identity.Contracts.Directory.V1;

namespace Identity.ScimEdge.ReadCache;

/// <summary>
/// Follows Directory's WatchUsers feed for one tenant and applies it to the tenant's cache: the
/// cache goes live on the feed's caught-up marker, forgets each user that changes, and goes dark
/// whenever the stream breaks (Directory restarting, a network blip) until it is caught up again.
/// </summary>
internal sealed partial class UserChangeFeed(
    TenantUserCache tenant, DirectoryService.DirectoryServiceClient directory, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var call = directory.WatchUsers(
                    new WatchUsersRequest { TenantId = tenant.TenantId, AnnounceCaughtUp = true, View = UserView.Resource }, cancellationToken: cancellationToken);
                await foreach (var change in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    Apply(change);
                    retry = FirstRetry;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (RpcException ex)
            {
                if (ex.StatusCode != StatusCode.Cancelled)
                {
                    LogFeedBroken(logger, tenant.TenantId, ex.StatusCode);
                }
            }
            tenant.GoDark();
            try
            {
                await Task.Delay(retry, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
        tenant.GoDark();
    }

    private void Apply(UserChangeEvent change)
    {
        if (change.Type == UserChangeType.CaughtUp)
        {
            tenant.GoLive();
            return;
        }
        tenant.Invalidate(change.UserId, change.User?.UserName);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The user change feed of tenant {TenantId} broke ({Status}); its cached users are dropped until it is back.")]
    private static partial void LogFeedBroken(ILogger logger, string tenantId, StatusCode status);
}
