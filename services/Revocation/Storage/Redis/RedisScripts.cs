namespace Identity.Revocation.Storage.Redis;

/// <summary>
/// The Lua scripts that make each write atomic: the block check and the write happen in one
/// step, so a session can never slip in between RevokeUser's block and its sweep. Times are
/// Unix milliseconds from the service's clock (ARGV), not Redis's, so tests can fake time.
/// </summary>
internal static class RedisScripts
{
    private const string Emit = """
        local function emit(stream, maxlen, channel, tenant, fields)
          local id = redis.call('XADD', stream, 'MAXLEN', '~', maxlen, '*', unpack(fields))
          redis.call('PUBLISH', channel, tenant)
          return id
        end
        local function extend(key, ttl)
          local current = redis.call('PTTL', key)
          if current < tonumber(ttl) then redis.call('PEXPIRE', key, ttl) end
        end

        """;

    // The user hash: 'blocked' is '1' while any block is held (what checks read); 'lc' and 'sec' are the
    // lifecycle and security blocks. A hash written before origins existed has only 'blocked': it is
    // read as a lifecycle block, which is how every block behaved then (any reactivation lifted it).

    // KEYS: user, session, user-sessions, restored; ARGV: session id, user id, issued, expires, attrs, ttl, forget-before, require-restored
    // Returns -1 (tenant not restored), 0 (blocked) or 1.
    public const string RegisterSession = Emit + """
        if ARGV[8] == '1' and redis.call('EXISTS', KEYS[4]) == 0 then return -1 end
        if redis.call('HGET', KEYS[1], 'blocked') == '1' then return 0 end
        redis.call('HSET', KEYS[2], 'user', ARGV[2], 'issued', ARGV[3], 'expires', ARGV[4], 'attrs', ARGV[5], 'revoked', '0')
        redis.call('PEXPIRE', KEYS[2], ARGV[6])
        redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[7])
        extend(KEYS[3], ARGV[6])
        return 1
        """;

    // KEYS: user, token, user-tokens, restored; ARGV: token id, user id, issued, expires, ttl, forget-before, require-restored
    public const string RegisterToken = Emit + """
        if ARGV[7] == '1' and redis.call('EXISTS', KEYS[4]) == 0 then return -1 end
        if redis.call('HGET', KEYS[1], 'blocked') == '1' then return 0 end
        redis.call('HSET', KEYS[2], 'user', ARGV[2], 'issued', ARGV[3], 'expires', ARGV[4], 'revoked', '0')
        redis.call('PEXPIRE', KEYS[2], ARGV[5])
        redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[6])
        extend(KEYS[3], ARGV[5])
        return 1
        """;

    // KEYS: token, restored; ARGV: user key prefix, require-restored
    // Returns { restored } for an unknown token, else { restored, user, issued, expires, revoked, blocked, watermark }.
    public const string CheckToken = """
        local restored = '1'
        if ARGV[2] == '1' and redis.call('EXISTS', KEYS[2]) == 0 then restored = '0' end
        local t = redis.call('HMGET', KEYS[1], 'user', 'issued', 'expires', 'revoked')
        if not t[1] then return { restored } end
        local u = redis.call('HMGET', ARGV[1] .. string.len(t[1]) .. ':' .. t[1], 'blocked', 'watermark')
        return { restored, t[1], t[2], t[3], t[4], u[1], u[2] }
        """;

    // KEYS: user, restored; ARGV: require-restored. Returns { restored, blocked, lc, sec, watermark }.
    public const string GetUserState = """
        local restored = '1'
        if ARGV[1] == '1' and redis.call('EXISTS', KEYS[2]) == 0 then restored = '0' end
        local u = redis.call('HMGET', KEYS[1], 'blocked', 'lc', 'sec', 'watermark')
        return { restored, u[1], u[2], u[3], u[4] }
        """;

    // KEYS: restoring, restored; ARGV: token, now. The marker is set only if the rebuild's token
    // survived: a wipe after BeginRestore took the blocks written so far with it.
    public const string MarkRestored = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[2], ARGV[2])
        redis.call('DEL', KEYS[1])
        return 1
        """;

    // KEYS: lifecycle-blocked set; ARGV: user key prefix, then (user id, since ms) pairs. No events:
    // this rebuilds lost state, and the feed was lost with it.
    public const string RestoreBlocks = """
        for i = 2, #ARGV, 2 do
          local user = ARGV[i]
          local key = ARGV[1] .. string.len(user) .. ':' .. user
          local watermark = ARGV[i + 1]
          local previous = redis.call('HGET', key, 'watermark')
          if previous and tonumber(previous) > tonumber(watermark) then watermark = previous end
          redis.call('HSET', key, 'blocked', '1', 'lc', '1', 'watermark', watermark)
          redis.call('SADD', KEYS[1], user)
        end
        return #ARGV / 2
        """;

    // KEYS: credential (session or token), feed; ARGV: now, grace, maxlen, channel, tenant, kind, id field, id, reason
    public const string RevokeCredential = Emit + """
        local v = redis.call('HMGET', KEYS[1], 'user', 'expires', 'revoked')
        if not v[1] or v[3] == '1' or tonumber(v[2]) + tonumber(ARGV[2]) <= tonumber(ARGV[1]) then return false end
        redis.call('HSET', KEYS[1], 'revoked', '1')
        return emit(KEYS[2], ARGV[3], ARGV[4], ARGV[5],
          { 'kind', ARGV[6], 'user', v[1], ARGV[7], ARGV[8], 'time', ARGV[1], 'reason', ARGV[9] })
        """;

    // KEYS: user, user-sessions, user-tokens, feed, lifecycle-blocked set
    // ARGV: now, maxlen, channel, tenant, user id, reason, session key prefix, token key prefix, origin field (lc|sec), origin number
    public const string RevokeUser = Emit + """
        local now = tonumber(ARGV[1])
        -- Kept as strings: Lua would print a large number in exponent form.
        local watermark = ARGV[1]
        local previous = redis.call('HGET', KEYS[1], 'watermark')
        if previous and tonumber(previous) > now then watermark = previous end
        local held = redis.call('HMGET', KEYS[1], 'blocked', 'lc', 'sec')
        if held[1] == '1' and not held[2] and not held[3] then redis.call('HSET', KEYS[1], 'lc', '1') end
        redis.call('HSET', KEYS[1], 'blocked', '1', ARGV[9], '1', 'watermark', watermark)
        if ARGV[9] == 'lc' then redis.call('SADD', KEYS[5], ARGV[5]) end
        local sessions = 0
        for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
          local key = ARGV[7] .. id
          local s = redis.call('HMGET', key, 'expires', 'revoked')
          if s[1] and s[2] ~= '1' and tonumber(s[1]) > now then sessions = sessions + 1 end
          redis.call('DEL', key)
        end
        redis.call('DEL', KEYS[2])
        local tokens = 0
        for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
          local key = ARGV[8] .. id
          local t = redis.call('HMGET', key, 'user', 'expires', 'revoked')
          if t[1] == ARGV[5] then
            if t[3] ~= '1' and tonumber(t[2]) > now then tokens = tokens + 1 end
            redis.call('HSET', key, 'revoked', '1')
          end
        end
        redis.call('DEL', KEYS[3])
        local id = emit(KEYS[4], ARGV[2], ARGV[3], ARGV[4],
          { 'kind', 'UserRevoked', 'user', ARGV[5], 'watermark', watermark, 'time', ARGV[1], 'reason', ARGV[6], 'origin', ARGV[10] })
        return { watermark, sessions, tokens, id }
        """;

    // KEYS: user, feed, lifecycle-blocked set; ARGV: now, maxlen, channel, tenant, user id, origin field (lc|sec), origin number
    // Returns { was-blocked, still-blocked }; USER_UNBLOCKED is emitted only when no block remains.
    public const string UnblockUser = Emit + """
        local u = redis.call('HMGET', KEYS[1], 'blocked', 'lc', 'sec', 'watermark')
        local sec = u[3] == '1'
        local lc = u[2] == '1' or (u[1] == '1' and not u[2] and not u[3])
        local held = (ARGV[6] == 'lc' and lc) or (ARGV[6] == 'sec' and sec)
        if not held then
          if lc or sec then return { 0, 1 } end
          return { 0, 0 }
        end
        redis.call('HSET', KEYS[1], ARGV[6], '0')
        if ARGV[6] == 'lc' then
          lc = false
          redis.call('SREM', KEYS[3], ARGV[5])
        else
          sec = false
        end
        if lc or sec then return { 1, 1 } end
        redis.call('HSET', KEYS[1], 'blocked', '0', 'lc', '0')
        local fields = { 'kind', 'UserUnblocked', 'user', ARGV[5], 'time', ARGV[1], 'reason', '', 'origin', ARGV[7] }
        if u[4] then table.insert(fields, 'watermark'); table.insert(fields, u[4]) end
        emit(KEYS[2], ARGV[2], ARGV[3], ARGV[4], fields)
        return { 1, 0 }
        """;

    // KEYS: feed; ARGV: after id, count. Returns { gap, entries }.
    // A gap: entries were trimmed (entries-added > length) and the reader's position is older than the
    // oldest kept entry. Conservative: a reader exactly at the last trimmed entry is told too.
    public const string ReadFeed = """
        local function older(a, b)
          local ams, aseq = string.match(a, '^(%d+)-(%d+)$')
          local bms, bseq = string.match(b, '^(%d+)-(%d+)$')
          ams, aseq, bms, bseq = tonumber(ams), tonumber(aseq), tonumber(bms), tonumber(bseq)
          return ams < bms or (ams == bms and aseq < bseq)
        end
        if redis.call('EXISTS', KEYS[1]) == 0 then
          if ARGV[1] == '0-0' then return { 0, {} } end
          return { 1, {} }
        end
        local info = redis.call('XINFO', 'STREAM', KEYS[1])
        local length, added, first = 0, 0, nil
        for i = 1, #info, 2 do
          if info[i] == 'length' then length = info[i + 1]
          elseif info[i] == 'entries-added' then added = info[i + 1]
          elseif info[i] == 'first-entry' then first = info[i + 1] end
        end
        local gap = 0
        if added > length and (first == nil or first == false or older(ARGV[1], first[1])) then gap = 1 end
        return { gap, redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', ARGV[2]) }
        """;
}
