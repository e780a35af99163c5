namespace Identity.ScimEdge.Callers;

/// <summary>Everything a handler needs to know about the caller: tenant, base URL, request id, user agent.</summary>
public sealed record ScimRequestContext(string TenantId, string TokenId, string BaseUrl, string RequestId, string UserAgent, bool LenientAttributes)
{
    public Identity.Contracts.Common.V1.MutationContext ToMutation() => new()
    {
        Actor = "token:" + TokenId,
        RequestId = RequestId,
        UserAgent = UserAgent.Length > 200 ? UserAgent[..200] : UserAgent,
    };
}
