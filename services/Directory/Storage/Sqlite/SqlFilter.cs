namespace Identity.Directory.Storage.Sqlite;

/// <summary>
/// A SQL condition over <c>users u</c> and its parameters. <see cref="Exact"/> is false when
/// the condition only narrows: the SCIM core's evaluator must then decide on each row.
/// <see cref="Selective"/> says the condition pins a near-unique key, so few rows match.
/// </summary>
public sealed record SqlFilter(string? Where, IReadOnlyList<KeyValuePair<string, object>> Parameters, bool Exact, bool Selective = false)
{
    public static SqlFilter All { get; } = new(null, [], true);
}
