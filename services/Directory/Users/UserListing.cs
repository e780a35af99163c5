using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Filters;
using Identity.Scim.Schemas;

namespace Identity.Directory.Users;

/// <summary>
/// ListUsers: parses and checks the filter with the SCIM core, then pages in creation order
/// through the store (keyset on the ordinal, pushed down), or, with sortBy, sorts the
/// matches here and pages over (key, ordinal).
/// </summary>
public sealed class UserListing(IUserStore store)
{
    public const int DefaultCount = 100;
    public const int MaxCount = 1000;

    /// <summary>A page of the tenant's deactivated and deleted users (see <see cref="IUserStore.ListInactiveAsync"/>).</summary>
    public Task<IReadOnlyList<InactiveUserEntry>> ListInactiveAsync(string tenantId, long afterOrdinal, int limit, CancellationToken cancellationToken) =>
        store.ListInactiveAsync(tenantId, afterOrdinal, limit, cancellationToken);

    public async Task<ListResult> ListAsync(ListRequest request, CancellationToken cancellationToken)
    {
        var filter = ParseFilter(request.Filter);
        // RFC 7644 §3.4.2.4: startIndex below 1 is 1; a negative count is 0 (totals only).
        var count = request.Count == 0 ? DefaultCount : Math.Clamp(request.Count, 0, MaxCount);
        var startIndex = Math.Max(1, request.StartIndex);
        var hash = PageToken.HashQuery(filter?.ToString() ?? "", request.SortBy, request.Descending, request.IncludeDeleted);
        var token = string.IsNullOrEmpty(request.PageToken) ? null : PageToken.Decode(request.PageToken, hash);
        return string.IsNullOrWhiteSpace(request.SortBy)
            ? await InCreationOrderAsync(request, filter, count, startIndex, token, hash, cancellationToken)
            : await SortedAsync(request, filter, count, startIndex, token, hash, cancellationToken);
    }

    /// <summary>Parses the filter and resolves its attributes once, so a type error is a clean invalidFilter.</summary>
    public static FilterNode? ParseFilter(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            var filter = ScimFilter.Parse(text);
            NeverReturnedAttributeGuard.ThrowIfReferenced(filter, SchemaRegistry.Default.Users);
            new FilterEvaluator(SchemaRegistry.Default.Users).Compile(filter);
            return filter;
        }
        catch (ScimException ex)
        {
            throw new DirectoryException(DirectoryFailure.InvalidFilter, ex.Detail);
        }
    }

    private async Task<ListResult> InCreationOrderAsync(
        ListRequest request, FilterNode? filter, int count, int startIndex, PageToken? token, string hash, CancellationToken cancellationToken)
    {
        var after = token?.Ordinal ?? 0;
        var offset = token is null ? startIndex - 1 : 0;
        // One extra row tells whether a next page exists without a second query.
        var query = new UserQuery(request.TenantId, filter, request.IncludeDeleted, after, offset, count + 1, !request.SkipTotal);
        var page = await store.QueryAsync(query, cancellationToken);
        var users = page.Users.Take(count).ToList();
        var next = page.Users.Count > count && users.Count > 0 ? new PageToken(null, null, users[^1].Ordinal, hash).Encode() : "";
        return new ListResult(users, page.Total ?? 0, token is null ? startIndex : 0, next);
    }

    private async Task<ListResult> SortedAsync(
        ListRequest request, FilterNode? filter, int count, int startIndex, PageToken? token, string hash, CancellationToken cancellationToken)
    {
        var extract = SortKey.Extractor(SortKey.ParsePath(request.SortBy));
        var all = await store.QueryAsync(new UserQuery(request.TenantId, filter, request.IncludeDeleted, 0, 0, int.MaxValue, CountTotal: false), cancellationToken);
        var keyed = all.Users.Select(u => (User: u, Key: extract(JsonNode.Parse(u.ResourceJson)!.AsObject()))).ToList();
        var direction = request.Descending ? -1 : 1;
        keyed.Sort((a, b) => Compare(a.Key, a.User.Ordinal, b.Key, b.User.Ordinal, direction));
        IEnumerable<(StoredUser User, SortKey Key)> rest = keyed;
        if (token is not null)
        {
            var last = new SortKey(token.Key, token.Number);
            rest = keyed.Where(k => Compare(k.Key, k.User.Ordinal, last, token.Ordinal, direction) > 0);
        }
        else
        {
            rest = keyed.Skip(startIndex - 1);
        }
        var window = rest.Take(count + 1).ToList();
        var users = window.Take(count).ToList();
        var next = window.Count > count && users.Count > 0
            ? new PageToken(window[count - 1].Key.Text, window[count - 1].Key.Number, users[^1].User.Ordinal, hash).Encode()
            : "";
        return new ListResult(users.Select(u => u.User).ToList(), request.SkipTotal ? 0 : keyed.Count, token is null ? startIndex : 0, next);
    }

    private static int Compare(SortKey a, long ordinalA, SortKey b, long ordinalB, int direction)
    {
        if (a.IsNull != b.IsNull)
        {
            return a.IsNull ? 1 : -1;
        }
        if (a.IsNull)
        {
            // Users without a value keep creation order among themselves in either direction.
            return ordinalA.CompareTo(ordinalB);
        }
        var byKey = a.CompareTo(b) * direction;
        return byKey != 0 ? byKey : ordinalA.CompareTo(ordinalB) * direction;
    }
}
