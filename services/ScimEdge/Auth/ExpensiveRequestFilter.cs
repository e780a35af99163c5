using Identity.ScimEdge.Errors;
using Identity.ScimEdge.Protection;

namespace Identity.ScimEdge.Auth;

/// <summary>Holds one of the tenant's expensive-request slots while an expensive SCIM request runs; runs after authentication.</summary>
internal sealed class ExpensiveRequestFilter(ExpensiveRequestGate gate) : IEndpointFilter
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Features.Get<ScimTenant>() is not { } tenant || !ExpensiveRequests.IsExpensive(http.Request))
        {
            return await next(context);
        }
        using var slot = gate.TryEnter(tenant.TenantId);
        if (slot is null)
        {
            return new ScimErrorResult(StatusCodes.Status429TooManyRequests, null,
                "This tenant has as many list, search, Bulk and large group PATCH requests running as it may; retry after the Retry-After delay.",
                RetryAfter);
        }
        return await next(context);
    }
}
