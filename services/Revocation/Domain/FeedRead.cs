namespace Identity.Revocation.Domain;

/// <summary>
/// A page of a tenant's feed read after some event id. <see cref="Gap"/> is true when events
/// after that id were already trimmed (the id is older than the retention): the reader must
/// treat everything it derived from the feed as stale.
/// </summary>
public sealed record FeedRead(IReadOnlyList<RevocationEventRecord> Events, bool Gap);
