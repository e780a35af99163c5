using System.Runtime.CompilerServices;
using Identity.Contracts.Directory.V1;

namespace Identity.Revocation.Rebuild;

/// <summary>Every tenant id Directory holds, page by page: the only tenant list the rebuild and the reconciler trust.</summary>
internal static class DirectoryTenants
{
    public static async IAsyncEnumerable<string> ListAsync(
        DirectoryService.DirectoryServiceClient directory, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageToken = string.Empty;
        do
        {
            var page = await directory.ListTenantsAsync(new ListTenantsRequest { PageSize = pageSize, PageToken = pageToken }, cancellationToken: cancellationToken);
            foreach (var tenantId in page.TenantIds)
            {
                yield return tenantId;
            }
            pageToken = page.NextPageToken;
        }
        while (pageToken.Length > 0);
    }
}
