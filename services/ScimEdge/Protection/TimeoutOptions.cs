using System.ComponentModel.DataAnnotations;

namespace Identity.ScimEdge.Protection;

/// <summary>
/// How long one SCIM or admin request may run (<c>Scim__RequestTimeout</c>). It shares the
/// <c>Scim</c> section with <see cref="Settings.ScimOptions"/> but is its own class, owned by Protection.
/// </summary>
public sealed class TimeoutOptions
{
    public const string SectionName = "Scim";

    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Scim__RequestTimeout must be between 00:00:00.050 and 00:10:00.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
