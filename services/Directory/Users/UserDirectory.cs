using System.Text.Json.Nodes;
using Identity.Directory.Auditing;
using Identity.Directory.Storage;
using Microsoft.Extensions.Options;

namespace Identity.Directory.Users;

/// <summary>
/// Directory's user rules over any <see cref="IUserStore"/>: id and meta assignment,
/// versions, soft delete and JIT adoption. The store makes each write atomic with its audit
/// entry and feed event; this class decides what the write is.
/// </summary>
public sealed class UserDirectory(
    IUserStore store, ChangeNotifier notifier, TimeProvider time, IOptions<RepeatedCreateOptions>? repeatedCreates = null)
{
    // An unconditional delete (expected version 0) and a JIT upsert retry when a concurrent write wins the race.
    private const int UnconditionalAttempts = 5;

    public async Task<(StoredUser User, bool Adopted)> CreateAsync(
        string tenantId, string resourceJson, Mutation mutation, bool adoptJitMatch, CancellationToken cancellationToken)
    {
        var resource = UserResource.Parse(resourceJson);
        var now = time.GetUtcNow();
        var candidate = UserResource.Build(tenantId, Guid.CreateVersion7(now).ToString(), resource, 1, now, now, UserOrigin.Scim, idpManaged: true);
        if (adoptJitMatch && await store.HasAdoptableJitUsersAsync(tenantId, cancellationToken)
            && await FindJitMatchAsync(candidate, cancellationToken) is { } jit)
        {
            return (await AdoptAsync(jit.User, jit.Key, resource, mutation, cancellationToken), true);
        }
        return (await InsertOrRepeatAsync(candidate, mutation, cancellationToken), false);
    }

    /// <summary>Inserts a SCIM-created user; a taken userName that is this very create, retried, answers with the stored user.</summary>
    private async Task<StoredUser> InsertOrRepeatAsync(StoredUser candidate, Mutation mutation, CancellationToken cancellationToken)
    {
        var audit = Audit(candidate, AuditAction.UserCreated, 0, 1, mutation, "");
        try
        {
            return await WriteAsync(new UserWrite(candidate, 0, audit, UserChangeType.Created), cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.UserNameTaken)
        {
            var window = repeatedCreates?.Value.IdempotentCreateWindow ?? TimeSpan.Zero;
            var taken = await store.FindAsync(candidate.TenantId, UserKey.UserName, candidate.UserName, cancellationToken);
            var repeat = taken.FirstOrDefault(u => RepeatedCreate.IsRepeatOf(u, candidate, time.GetUtcNow(), window));
            if (repeat is null)
            {
                throw;
            }
            return repeat;
        }
    }

    public async Task<StoredUser> GetAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        await store.GetAsync(tenantId, userId, includeDeleted: false, cancellationToken) ?? throw NotFound(userId);

    /// <summary>By userName or email (case-insensitive) or externalId (case-sensitive, RFC 7643 §3.1).</summary>
    public async Task<StoredUser> LookupAsync(string tenantId, UserKey key, string value, CancellationToken cancellationToken)
    {
        var found = await store.FindAsync(tenantId, key, value, cancellationToken);
        var user = key == UserKey.ExternalId ? found.FirstOrDefault(u => u.ExternalId == value) : (found.Count > 0 ? found[0] : null);
        return user ?? throw new DirectoryException(DirectoryFailure.NotFound, $"No user with that {key} in this tenant.");
    }

    /// <summary>
    /// One conditional write, no retry: a write that loses the race to another fails with VERSION_MISMATCH
    /// even when <paramref name="expectedVersion"/> is 0. The caller retries if its change still holds on
    /// the newer version; the SCIM edge does, because it re-applies the PATCH and re-decides deprovisioning.
    /// </summary>
    public async Task<StoredUser> ReplaceAsync(
        string tenantId, string userId, string resourceJson, long expectedVersion, Mutation mutation, CancellationToken cancellationToken)
    {
        var parsed = UserResource.Parse(resourceJson);
        var current = await GetAsync(tenantId, userId, cancellationToken);
        CheckVersion(current, expectedVersion);
        var next = Rebuild(current, parsed, current.IdpManaged);
        var audit = Audit(next, AuditAction.UserReplaced, current.Version, next.Version, mutation, "");
        return await WriteAsync(new UserWrite(next, current.Version, audit, ChangeOf(current, next)), cancellationToken);
    }

    /// <summary>Soft delete: the record stays for audit, hidden from reads, its userName free again. Returns the version it was at.</summary>
    public async Task<long> DeleteAsync(string tenantId, string userId, long expectedVersion, Mutation mutation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync(tenantId, userId, cancellationToken);
            CheckVersion(current, expectedVersion);
            var now = time.GetUtcNow();
            var deleted = current with { Version = current.Version + 1, LastModified = now, Deleted = now };
            var audit = Audit(deleted, AuditAction.UserDeleted, current.Version, deleted.Version, mutation, "");
            try
            {
                await WriteAsync(new UserWrite(deleted, current.Version, audit, UserChangeType.Deleted), cancellationToken);
                return current.Version;
            }
            catch (StoreConflictException ex) when (ex.Kind == ConflictKind.VersionMismatch && expectedVersion == 0 && attempt < UnconditionalAttempts)
            {
            }
        }
    }

    /// <summary>
    /// An application's first-login upsert. Matches externalId, then userName, then primary
    /// email, each only when the application verified it (an unverified one would let anyone
    /// who claims victim@corp log in as the victim); updates a JIT record it matches, leaves an
    /// IdP-managed one as the IdP wrote it. An unverified userName that is taken is refused.
    /// </summary>
    public async Task<(StoredUser User, bool Created)> JitUpsertAsync(
        string tenantId, JitProfile profile, Mutation mutation, CancellationToken cancellationToken)
    {
        var userName = string.IsNullOrWhiteSpace(profile.UserName) ? profile.Email : profile.UserName;
        if (string.IsNullOrWhiteSpace(userName))
        {
            throw new DirectoryException(DirectoryFailure.InvalidValue, "A JIT user needs a user_name or an email.");
        }
        if (string.IsNullOrWhiteSpace(profile.UserName) && profile.Verified.HasFlag(VerifiedIdentifiers.Email))
        {
            // The userName defaults to the email, so it is as verified as the email.
            profile = profile with { Verified = profile.Verified | VerifiedIdentifiers.UserName };
        }
        for (var attempt = 1; ; attempt++)
        {
            var existing = await FindFirstAsync(tenantId, Verified(profile.ExternalId, profile.Verified, VerifiedIdentifiers.ExternalId),
                Verified(userName, profile.Verified, VerifiedIdentifiers.UserName),
                Verified(profile.Email, profile.Verified, VerifiedIdentifiers.Email), jitOnly: false, cancellationToken);
            try
            {
                return existing is null
                    ? (await JitCreateAsync(tenantId, userName, profile, mutation, cancellationToken), true)
                    : (await JitUpdateAsync(existing.Value.User, userName, profile, mutation, cancellationToken), false);
            }
            // A taken userName is retried (a concurrent first login) only when a retry may match it: when it is verified.
            catch (StoreConflictException ex) when ((ex.Kind == ConflictKind.VersionMismatch
                || (ex.Kind == ConflictKind.UserNameTaken && profile.Verified.HasFlag(VerifiedIdentifiers.UserName)))
                && attempt < UnconditionalAttempts)
            {
            }
        }
    }

    private async Task<StoredUser> JitCreateAsync(string tenantId, string userName, JitProfile profile, Mutation mutation, CancellationToken cancellationToken)
    {
        var resource = JitResource.Merge(new JsonObject { ["schemas"] = new JsonArray(UserResource.CoreSchema), ["active"] = true }, userName, profile);
        var now = time.GetUtcNow();
        var user = UserResource.Build(tenantId, Guid.CreateVersion7(now).ToString(), resource, 1, now, now, UserOrigin.Jit, idpManaged: false,
            jitVerified: profile.Verified);
        var audit = Audit(user, AuditAction.UserJitCreated, 0, 1, mutation, "verified: " + profile.Verified);
        return await WriteAsync(new UserWrite(user, 0, audit, UserChangeType.Created), cancellationToken);
    }

    private async Task<StoredUser> JitUpdateAsync(StoredUser existing, string userName, JitProfile profile, Mutation mutation, CancellationToken cancellationToken)
    {
        if (existing.IdpManaged)
        {
            return existing;
        }
        var resource = JsonNode.Parse(existing.ResourceJson)!.AsObject();
        var before = resource.DeepClone();
        JitResource.Merge(resource, userName, profile);
        var verified = existing.JitVerified | profile.Verified;
        if (JsonNode.DeepEquals(before, resource) && verified == existing.JitVerified)
        {
            return existing;
        }
        var next = Rebuild(existing, resource, idpManaged: false) with { JitVerified = verified };
        var audit = Audit(next, AuditAction.UserJitUpdated, existing.Version, next.Version, mutation, "");
        return await WriteAsync(new UserWrite(next, existing.Version, audit, UserChangeType.Updated), cancellationToken);
    }

    private async Task<StoredUser> AdoptAsync(StoredUser jit, UserKey matched, JsonObject resource, Mutation mutation, CancellationToken cancellationToken)
    {
        var next = Rebuild(jit, resource, idpManaged: true);
        // Which identifier merged the two records is what an investigation of a takeover needs first.
        var audit = Audit(next, AuditAction.UserAdopted, jit.Version, next.Version, mutation,
            $"JIT user adopted by the IdP; matched on verified {matched}");
        return await WriteAsync(new UserWrite(next, jit.Version, audit, UserChangeType.Adopted), cancellationToken);
    }

    private Task<(StoredUser User, UserKey Key)?> FindJitMatchAsync(StoredUser incoming, CancellationToken cancellationToken) =>
        FindFirstAsync(incoming.TenantId, incoming.ExternalId, incoming.UserName, incoming.PrimaryEmail, jitOnly: true, cancellationToken);

    private static string? Verified(string? value, VerifiedIdentifiers verified, VerifiedIdentifiers identifier) =>
        verified.HasFlag(identifier) ? value : null;

    private static VerifiedIdentifiers IdentifierOf(UserKey key) => key switch
    {
        UserKey.ExternalId => VerifiedIdentifiers.ExternalId,
        UserKey.UserName => VerifiedIdentifiers.UserName,
        _ => VerifiedIdentifiers.Email,
    };

    // The adoption order the issue fixes: externalId, then userName, then primary email, all case-insensitive.
    // A JIT user is adoptable through a key only when the application verified that key at login.
    private async Task<(StoredUser User, UserKey Key)?> FindFirstAsync(
        string tenantId, string? externalId, string? userName, string? email, bool jitOnly, CancellationToken cancellationToken)
    {
        (UserKey Key, string? Value)[] candidates = [(UserKey.ExternalId, externalId), (UserKey.UserName, userName), (UserKey.PrimaryEmail, email)];
        var keys = candidates.Where(k => !string.IsNullOrWhiteSpace(k.Value)).Select(k => (k.Key, k.Value!)).ToList();
        // One round trip for all keys (every create asks), then the priority order in memory.
        var found = await store.FindAnyAsync(tenantId, keys, cancellationToken);
        foreach (var (key, value) in keys)
        {
            var lower = value.ToLowerInvariant();
            var match = found.FirstOrDefault(u => Matches(u, key, lower)
                && (!jitOnly || (u.Origin == UserOrigin.Jit && !u.IdpManaged && u.JitVerified.HasFlag(IdentifierOf(key)))));
            if (match is not null)
            {
                return (match, key);
            }
        }
        return null;
    }

    private static bool Matches(StoredUser user, UserKey key, string lower) => key switch
    {
        UserKey.ExternalId => user.ExternalIdKey == lower,
        UserKey.UserName => user.UserNameKey == lower,
        _ => user.PrimaryEmail?.ToLowerInvariant() == lower,
    };

    private StoredUser Rebuild(StoredUser current, JsonObject resource, bool idpManaged)
    {
        return UserResource.Build(current.TenantId, current.Id, resource, current.Version + 1, current.Created, time.GetUtcNow(),
            current.Origin, idpManaged, current.Ordinal, current.JitVerified);
    }

    private async Task<StoredUser> WriteAsync(UserWrite write, CancellationToken cancellationToken)
    {
        var stored = await store.WriteAsync(write, cancellationToken);
        notifier.Notify(write.User.TenantId);
        return stored;
    }

    private static UserChangeType ChangeOf(StoredUser before, StoredUser after) => (before.IsActive, after.IsActive) switch
    {
        (true, false) => UserChangeType.Deactivated,
        (false, true) => UserChangeType.Reactivated,
        _ => UserChangeType.Updated,
    };

    private static void CheckVersion(StoredUser current, long expectedVersion)
    {
        if (expectedVersion != 0 && expectedVersion != current.Version)
        {
            throw new DirectoryException(DirectoryFailure.VersionMismatch,
                $"User '{current.Id}' is at version {current.Version}, not {expectedVersion}.");
        }
    }

    private static AuditEntry Audit(StoredUser user, AuditAction action, long before, long after, Mutation mutation, string detail) =>
        new(user.TenantId, user.LastModified, mutation.Actor, action, "User", user.Id, before, after, mutation.RequestId, detail);

    private static DirectoryException NotFound(string userId) => new(DirectoryFailure.NotFound, $"User '{userId}' does not exist in this tenant.");
}
