namespace Identity.ScimEdge.Bench;

/// <summary>A real GET /Users/{id} answer of the DevHost for a seeded user (captured by run.sh's seed step).</summary>
internal static class CapturedUser
{
    public const string Json = """
        {}
        """;
}
