using System.ComponentModel.DataAnnotations;

namespace Identity.ServiceDefaults.GrpcClients;

/// <summary>Defaults for outgoing gRPC calls. Bound from <c>GrpcClients</c>.</summary>
public sealed class GrpcClientOptions
{
    public const string SectionName = "GrpcClients";

    /// <summary>Deadline added to every unary call that does not set its own.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts (first try included) for methods declared idempotent.</summary>
    [Range(1, 5)]
    public int MaxAttempts { get; set; } = 4;
}
