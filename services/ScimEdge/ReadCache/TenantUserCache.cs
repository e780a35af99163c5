using System.Collections.Concurrent;

namespace Identity.ScimEdge.ReadCache;

/// <summary>
/// One tenant's cached users, trusted only while Directory's change feed for the tenant is live.
/// Every change the feed or this edge reports bumps an epoch; a read that started under an older
/// epoch is never stored, so a fill racing a change cannot put the old user back. While the feed is
/// down nothing is served or stored.
/// </summary>
internal sealed class TenantUserCache(string tenantId)
{
    // Marks "no user has this userName" in the name index; real ids are never empty.
    private const string NoUser = "";

    private readonly ConcurrentDictionary<string, CachedUser> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _idByName = new(StringComparer.Ordinal);
    private long _epoch;
    private long _bytes;
    private long _groupsGeneration;
    private long _lastUsed;
    private volatile bool _live;

    public string TenantId { get; } = tenantId;

    public bool Live => _live;

    /// <summary>Entries held: users plus userName index entries.</summary>
    public int Count => _byId.Count + _idByName.Count;

    /// <summary>Estimated bytes of the cached users (<see cref="CachedUser.EstimatedBytes"/>); approximate under concurrent clears.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public long LastUsed => Volatile.Read(ref _lastUsed);

    public long GroupsGeneration => Volatile.Read(ref _groupsGeneration);

    public void Touch(long now) => Volatile.Write(ref _lastUsed, now);

    /// <summary>Taken before reading downstream; <see cref="Store"/> accepts the result only if nothing changed since.</summary>
    public FillTicket Begin() => new(_live, Volatile.Read(ref _epoch), GroupsGeneration);

    public CachedUser? Find(string userId) => _live && _byId.TryGetValue(userId, out var user) ? user : null;

    /// <summary>The user with this userName key, <see cref="NameLookup.Absent"/> when known to be nobody's, or a miss.</summary>
    public NameLookup FindByName(string userNameKey, out CachedUser? user)
    {
        user = null;
        if (!_live || !_idByName.TryGetValue(userNameKey, out var id))
        {
            return NameLookup.Miss;
        }
        if (id.Length == 0)
        {
            return NameLookup.Absent;
        }
        // The id index is the truth: a user dropped or renamed since makes this entry a miss.
        return _byId.TryGetValue(id, out user) && user.UserNameKey == userNameKey ? NameLookup.Found : NameLookup.Miss;
    }

    public void Store(FillTicket ticket, CachedUser user)
    {
        if (!Admits(ticket))
        {
            return;
        }
        CachedUser? replaced = null;
        _byId.AddOrUpdate(user.User.Id, user, (_, old) =>
        {
            replaced = old;
            return user;
        });
        Interlocked.Add(ref _bytes, user.EstimatedBytes - (replaced?.EstimatedBytes ?? 0));
        _idByName[user.UserNameKey] = user.User.Id;
        if (!Admits(ticket))
        {
            // A change landed while we stored: it may have run its removal before our write.
            if (_byId.TryRemove(new KeyValuePair<string, CachedUser>(user.User.Id, user)))
            {
                Interlocked.Add(ref _bytes, -user.EstimatedBytes);
            }
        }
    }

    /// <summary>Records that Directory has no user with this userName (the read behind a filter before a create).</summary>
    public void StoreAbsent(FillTicket ticket, string userNameKey)
    {
        if (!Admits(ticket))
        {
            return;
        }
        _idByName[userNameKey] = NoUser;
        if (!Admits(ticket))
        {
            _idByName.TryRemove(new KeyValuePair<string, string>(userNameKey, NoUser));
        }
    }

    /// <summary>A user changed (or was created or deleted): forget it under its id and its old and new userNames.</summary>
    public void Invalidate(string userId, string? newUserName)
    {
        // Bumped before the removal, so a fill that read before the change cannot store after it; and
        // after, so a reader that found the old entry just before the removal cannot store it back.
        Interlocked.Increment(ref _epoch);
        if (_byId.TryRemove(userId, out var old))
        {
            Interlocked.Add(ref _bytes, -old.EstimatedBytes);
            _idByName.TryRemove(old.UserNameKey, out _);
        }
        if (!string.IsNullOrEmpty(newUserName))
        {
            _idByName.TryRemove(UserNameKeys.Of(newUserName), out _);
        }
        Interlocked.Increment(ref _epoch);
    }

    /// <summary>Any membership, group or rename in the tenant: every cached user's groups are stale.</summary>
    public void GroupsChanged() => Interlocked.Increment(ref _groupsGeneration);

    /// <summary>The feed has delivered everything committed so far: start trusting reads made from now on.</summary>
    public void GoLive()
    {
        Interlocked.Increment(ref _epoch);
        Clear();
        _live = true;
    }

    /// <summary>The feed broke: changes may be missed from here, so forget everything until it is live again.</summary>
    public void GoDark()
    {
        _live = false;
        Interlocked.Increment(ref _epoch);
        Clear();
    }

    public void Clear()
    {
        _byId.Clear();
        _idByName.Clear();
        Interlocked.Exchange(ref _bytes, 0);
    }

    private bool Admits(FillTicket ticket) => ticket.Live && _live && ticket.Epoch == Volatile.Read(ref _epoch);
}

/// <summary>What a fill saw when it started: see <see cref="TenantUserCache.Begin"/>.</summary>
internal readonly record struct FillTicket(bool Live, long Epoch, long GroupsGeneration);

internal enum NameLookup
{
    Miss,
    Found,
    Absent,
}
