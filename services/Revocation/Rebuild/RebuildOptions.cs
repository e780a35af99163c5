using System.ComponentModel.DataAnnotations;

namespace Identity.Revocation.Rebuild;

/// <summary>How Revocation rebuilds lost blocks from Directory. Bound from <c>Rebuild</c> (<c>Rebuild__CheckInterval</c>).</summary>
public sealed class RebuildOptions
{
    public const string SectionName = "Rebuild";

    /// <summary>How often every tenant's restored marker is checked (and a lost tenant rebuilt).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Delay before retrying a pass that could not reach Directory or the store.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a call that finds its tenant unrestored waits for the rebuild before answering
    /// "retry" (UNAVAILABLE, reason Rebuilding). A new tenant's rebuild is one short Directory call.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan InlineWait { get; set; } = TimeSpan.FromSeconds(3);
}
