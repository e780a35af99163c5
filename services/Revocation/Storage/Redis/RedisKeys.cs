using System.Globalization;
using System.Text;
using StackExchange.Redis;

namespace Identity.Revocation.Storage.Redis;

/// <summary>
/// Key layout. Every key of a tenant carries the tenant as a hash tag ("{tenant}"), so a script
/// touching a user's sessions, tokens and the tenant's stream stays in one cluster slot. User
/// ids are length-prefixed so "a:b"+"c" and "a"+"b:c" never share a key.
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    public RedisKey Tenants { get; } = prefix + ":tenants";

    public RedisChannel FeedChannel { get; } = RedisChannel.Literal(prefix + ":feed");

    public string TenantPrefix(string tenantId) => $"{prefix}:{{{tenantId}}}:";

    // The two keys every check reads: built in one allocation each.
    public RedisKey User(string tenantId, string userId) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}:{{{tenantId}}}:u:{Encoding.UTF8.GetByteCount(userId)}:{userId}");

    public RedisKey UserSessions(string tenantId, string userId) => TenantPrefix(tenantId) + "us:" + Scoped(userId);

    public RedisKey UserTokens(string tenantId, string userId) => TenantPrefix(tenantId) + "ut:" + Scoped(userId);

    /// <summary>Session keys of one user are this prefix plus the session id (scripts build them from the index).</summary>
    public string SessionPrefix(string tenantId, string userId) => TenantPrefix(tenantId) + "s:" + Scoped(userId) + ":";

    public RedisKey Session(string tenantId, string userId, string sessionId) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}:{{{tenantId}}}:s:{Encoding.UTF8.GetByteCount(userId)}:{userId}:{sessionId}");

    public string TokenPrefix(string tenantId) => TenantPrefix(tenantId) + "t:";

    public RedisKey Token(string tenantId, string tokenId) => TokenPrefix(tenantId) + tokenId;

    public RedisKey Feed(string tenantId) => TenantPrefix(tenantId) + "feed";

    /// <summary>The tenant's restored marker: present once its blocks were rebuilt; a wipe removes it with them.</summary>
    public RedisKey Restored(string tenantId) => TenantPrefix(tenantId) + "restored";

    /// <summary>The token of the tenant's rebuild in progress; a wipe during the rebuild removes it, and the rebuild starts over.</summary>
    public RedisKey Restoring(string tenantId) => TenantPrefix(tenantId) + "restoring";

    /// <summary>Set of the tenant's users holding a lifecycle block (what the reconciler checks against Directory).</summary>
    public RedisKey LifecycleBlocked(string tenantId) => TenantPrefix(tenantId) + "lb";

    /// <summary>Prefix of the tenant's user hashes; scripts append the length-prefixed user id.</summary>
    public string UserPrefix(string tenantId) => TenantPrefix(tenantId) + "u:";

    // Byte length, because the token script rebuilds user keys with Lua's string.len.
    private static string Scoped(string id) => Encoding.UTF8.GetByteCount(id).ToString(CultureInfo.InvariantCulture) + ":" + id;
}
