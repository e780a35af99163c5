namespace Identity.ServiceDefaults.Health;

/// <summary>Tags that sort health checks into the liveness and readiness probes.</summary>
public static class HealthTags
{
    /// <summary>The process is alive; failing it gets the pod restarted.</summary>
    public const string Live = "live";

    /// <summary>The service can serve (its store answers); failing it takes it out of load balancing.</summary>
    public const string Ready = "ready";
}
