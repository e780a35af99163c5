namespace Identity.GroupRole.Domain;

/// <summary>The replaceable fields of a group; members change only through membership calls.</summary>
public sealed record GroupUpdate(string DisplayName, string? ExternalId, string ExtraJson);
