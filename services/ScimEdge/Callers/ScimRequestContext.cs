namespace Identity.ScimEdge.Callers;

/// <summary>Everything a handler needs to know about the caller: tenant, base URL, request id, user agent.</summary>
/// <param name="UpsertThroughValueFilter">The profile's Entra tolerance for PATCH filters that match nothing (ValidationOptions).</param>
/// <param name="MaxValuesPerAttribute">The configured cap on values of one multi-valued attribute (Scim__MaxValuesPerAttribute).</param>
public sealed record ScimRequestContext(string TenantId, string TokenId, string BaseUrl, string RequestId, string UserAgent, bool LenientAttributes,
    bool UpsertThroughValueFilter = false, int MaxValuesPerAttribute = Identity.Scim.Validation.ValidationOptions.DefaultMaxValuesPerAttribute)
{
    public Identity.Contracts.Common.V1.MutationContext ToMutation() => new()
    {
        Actor = "token:" + TokenId,
        RequestId = RequestId,
        UserAgent = UserAgent.Length > 200 ? UserAgent[..200] : UserAgent,
    };
}
