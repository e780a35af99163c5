namespace Identity.Directory.Storage.Sqlite;

/// <summary>
/// A SQL condition over <c>users u</c> and its parameters. <see cref="Exact"/> is false when
/// the condition only narrows: the SCIM core's evaluator must then decide on each row.
/// </summary>
public sealed record SqlFilter(string? Where, IReadOnlyList<KeyValuePair<string, object>> Parameters, bool Exact)
{
    public static SqlFilter All { get; } = new(null, [], true);
}
