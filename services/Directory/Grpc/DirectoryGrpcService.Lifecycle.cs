using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Identity.Contracts.Directory.V1;

namespace Identity.Directory.Grpc;

/// <summary>
/// What Revocation rebuilds its blocks from after losing its state, and what the reconciler walks:
/// every tenant, and each tenant's deactivated and deleted users. Directory is the source of truth.
/// </summary>
public sealed partial class DirectoryGrpcService
{
    private const int DefaultTenantPage = 200;
    private const int MaxTenantPage = 1000;

    // One message per batch rather than per user: a rebuild of 100,000 users is a hundred writes.
    private const int InactiveBatch = 1000;

    public override async Task<ListTenantsResponse> ListTenants(ListTenantsRequest request, ServerCallContext context)
    {
        if (request.PageSize < 0)
        {
            throw Errors.InvalidArgument("page_size must not be negative.");
        }
        var size = request.PageSize == 0 ? DefaultTenantPage : Math.Min(request.PageSize, MaxTenantPage);
        // The page token is the last id of the previous page; ids are plain text, nothing to forge.
        var after = string.IsNullOrEmpty(request.PageToken) ? null : request.PageToken;
        var ids = await tenancy.Store.ListTenantIdsAsync(after, size + 1, context.CancellationToken);
        var shown = ids.Take(size).ToList();
        return new ListTenantsResponse
        {
            TenantIds = { shown },
            NextPageToken = ids.Count > size ? shown[^1] : string.Empty,
        };
    }

    public override async Task StreamInactiveUsers(StreamInactiveUsersRequest request, IServerStreamWriter<StreamInactiveUsersResponse> responseStream,
        ServerCallContext context)
    {
        await RequireTenantAsync(request.TenantId, context.CancellationToken);
        var after = 0L;
        while (true)
        {
            var page = await listing.ListInactiveAsync(request.TenantId, after, InactiveBatch, context.CancellationToken);
            if (page.Count == 0)
            {
                return;
            }
            var batch = new StreamInactiveUsersResponse();
            foreach (var user in page)
            {
                batch.Users.Add(new InactiveUser { UserId = user.UserId, InactiveSince = Timestamp.FromDateTimeOffset(user.Since), Deleted = user.Deleted });
            }
            await responseStream.WriteAsync(batch, context.CancellationToken);
            if (page.Count < InactiveBatch)
            {
                return;
            }
            after = page[^1].Ordinal;
        }
    }
}
