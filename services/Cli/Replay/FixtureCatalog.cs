using System.Reflection;

namespace Identity.Cli.Replay;

/// <summary>The IdP sequences embedded in this assembly, by name ("okta/user-lifecycle.json") and by IdP.</summary>
public static class FixtureCatalog
{
    private const string Prefix = "fixtures/";

    private static readonly Assembly Assembly = typeof(FixtureCatalog).Assembly;

    /// <summary>Every fixture, ordered by IdP and then name, so a run's table reads the same each time.</summary>
    public static IReadOnlyList<string> Names { get; } = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..].Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The IdPs that have sequences: the folder names.</summary>
    public static IReadOnlyList<string> Idps { get; } = Names.Select(n => n.Split('/')[0]).Distinct().ToList();

    public static IReadOnlyList<string> ForIdp(string idp) =>
        Names.Where(n => n.StartsWith(idp + "/", StringComparison.Ordinal)).ToList();

    internal static string ReadText(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new ArgumentException($"There is no replay fixture '{name}'; known: {string.Join(", ", Names)}.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
