using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Identity.GroupRole.Domain;

/// <summary>GroupRole's spans (storage and graph walks) and metrics; ServiceDefaults exports every "Identity.*" source.</summary>
public static class GroupRoleTelemetry
{
    public const string Name = "Identity.GroupRole";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Effective-role lookups, tagged hit=true when the cache answered.</summary>
    public static readonly Counter<long> EffectiveRoleLookups = Meter.CreateCounter<long>("identity.grouprole.effective_roles.lookups");
}
