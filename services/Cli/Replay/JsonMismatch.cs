namespace Identity.Cli.Replay;

/// <summary>One place where a response differs from a fixture's expectation: the JSON path, what was wanted and what came.</summary>
public sealed record JsonMismatch(string Path, string Expected, string Found)
{
    public override string ToString() => $"{Path}: expected {Expected}, found {Found}";
}
