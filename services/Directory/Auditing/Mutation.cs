namespace Identity.Directory.Auditing;

/// <summary>Who asks for a change and under which request id (MutationContext, defaulted).</summary>
public sealed record Mutation(string Actor, string RequestId)
{
    public static Mutation Of(string? actor, string? requestId) =>
        new(string.IsNullOrEmpty(actor) ? "unknown" : actor, requestId ?? "");
}
