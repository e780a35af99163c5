namespace Identity.Directory.Auditing;

/// <summary>Reads the per-tenant event log that every store write appends to.</summary>
public interface IEventLog
{
    /// <summary>
    /// Events after <paramref name="afterSequence"/> in order, at most <paramref name="limit"/>;
    /// only those about <paramref name="resourceId"/> when given, only user changes when
    /// <paramref name="userChangesOnly"/>. Never skips a position a later read could still fill.
    /// </summary>
    Task<IReadOnlyList<LoggedEvent>> ReadAsync(
        string tenantId, long afterSequence, int limit, string? resourceId, bool userChangesOnly, CancellationToken cancellationToken);

    /// <summary>The newest position of the tenant's log (0 when empty).</summary>
    Task<long> LastSequenceAsync(string tenantId, CancellationToken cancellationToken);
}
