using Google.Protobuf.WellKnownTypes;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;

namespace Identity.ScimEdge.Admin;

// What the admin API answers. Token views carry metadata only: a secret appears once, in IssuedTokenView or RotatedTokenView.

internal sealed record TenantView(string Id, string DisplayName, DateTimeOffset? Created, string IdpProfile, bool LenientAttributes)
{
    public static TenantView From(Tenant tenant) =>
        new(tenant.Id, tenant.DisplayName, Time(tenant.Created), tenant.IdpProfile, tenant.LenientAttributes);

    internal static DateTimeOffset? Time(Timestamp? timestamp) => timestamp?.ToDateTimeOffset();
}

/// <summary>Status is "active", "expired", "revoked", or "retiring" while a rotated token's overlap lasts.</summary>
internal sealed record TokenView(string TokenId, string TenantId, string Description, DateTimeOffset? Created,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string Status)
{
    public static TokenView From(TokenInfo token, DateTimeOffset now)
    {
        var expires = TenantView.Time(token.Expires);
        var revoked = TenantView.Time(token.Revoked);
        var status = (revoked, expires) switch
        {
            ({ } r, _) when r <= now => "revoked",
            (_, { } e) when e <= now => "expired",
            ({ }, _) => "retiring",
            _ => "active",
        };
        return new(token.TokenId, token.TenantId, token.Description, TenantView.Time(token.Created), expires, revoked, status);
    }
}

internal sealed record IssuedTokenView(TokenView Token, string Secret);

internal sealed record RotatedTokenView(TokenView NewToken, string Secret, TokenView OldToken);

internal sealed record TokenListView(IReadOnlyList<TokenView> Tokens);

internal sealed record RoleMappingView(string Id, string? GroupId, string? GroupDisplayName, IReadOnlyList<string> Roles, DateTimeOffset? Created)
{
    public static RoleMappingView From(RoleMapping mapping) => new(
        mapping.Id,
        mapping.GroupCase == RoleMapping.GroupOneofCase.GroupId ? mapping.GroupId : null,
        mapping.GroupCase == RoleMapping.GroupOneofCase.GroupDisplayName ? mapping.GroupDisplayName : null,
        [.. mapping.Roles],
        TenantView.Time(mapping.Created));
}

internal sealed record RoleMappingListView(IReadOnlyList<RoleMappingView> Mappings);

internal sealed record RoleSourceView(string Kind, string? GroupId, string? GroupDisplayName, string? MappingId, IReadOnlyList<string> ViaGroupIds)
{
    public static RoleSourceView From(RoleSource source) => new(
        source.Kind switch
        {
            RoleSourceKind.DirectGroup => "directGroup",
            RoleSourceKind.NestedGroup => "nestedGroup",
            RoleSourceKind.UserAttribute => "userAttribute",
            _ => "unspecified",
        },
        NullIfEmpty(source.GroupId),
        NullIfEmpty(source.GroupDisplayName),
        NullIfEmpty(source.MappingId),
        [.. source.ViaGroupIds]);

    internal static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}

internal sealed record EffectiveRoleView(string Role, IReadOnlyList<RoleSourceView> Sources);

internal sealed record EffectiveRolesView(string UserId, bool Suspended, IReadOnlyList<EffectiveRoleView> Roles)
{
    public static EffectiveRolesView From(string userId, GetEffectiveRolesResponse response) => new(
        userId,
        response.Suspended,
        [.. response.Roles.Select(r => new EffectiveRoleView(r.Role, [.. r.Sources.Select(RoleSourceView.From)]))]);
}

internal sealed record AuditEventView(string Id, DateTimeOffset? Time, string Actor, string Action, string ResourceType, string ResourceId,
    long VersionBefore, long VersionAfter, string? RequestId, string? Detail)
{
    public static AuditEventView From(AuditEvent e) => new(e.Id, TenantView.Time(e.Time), e.Actor, e.Action.ToString(), e.ResourceType,
        e.ResourceId, e.VersionBefore, e.VersionAfter, RoleSourceView.NullIfEmpty(e.RequestId), RoleSourceView.NullIfEmpty(e.Detail));
}

internal sealed record AuditPageView(IReadOnlyList<AuditEventView> Events, string? NextPageToken);
