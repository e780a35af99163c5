using System.CommandLine;
using Identity.Cli.Admin;
using Identity.Cli.Output;

namespace Identity.Cli;

/// <summary>
/// What every command shares: the console, the environment it reads settings from, and the options
/// that hold on every subcommand (edge URL, admin key, output form).
/// </summary>
public sealed class CliContext(CliConsole console, Func<string, string?> environment)
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public CliConsole Console { get; } = console;

    public Func<string, string?> Environment { get; } = environment;

    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"The edge's URL (env IDENTITY_URL; default {DefaultUrl})",
        Recursive = true,
    };

    public Option<string?> AdminKey { get; } = new("--admin-key")
    {
        Description = "The admin API key (env IDENTITY_ADMIN_KEY; prefer the variable: arguments show in process lists)",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the API's JSON answer instead of a table",
        Recursive = true,
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print only the identifier (or, for a new token, only its secret), for scripts",
        Recursive = true,
    };

    internal HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    internal AdminClient Admin(ParseResult parse)
    {
        var key = parse.GetValue(AdminKey) ?? Environment("IDENTITY_ADMIN_KEY");
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new CliException("no admin key: pass --admin-key or set IDENTITY_ADMIN_KEY (the DevHost prints its key at start)");
        }
        return new AdminClient(Http, EdgeUri(parse), key.Trim());
    }

    internal Uri EdgeUri(ParseResult parse) =>
        AbsoluteHttpUri(parse.GetValue(Url) ?? Environment("IDENTITY_URL") ?? DefaultUrl, "--url / IDENTITY_URL");

    internal static Uri AbsoluteHttpUri(string text, string setting) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException($"{setting} must be an absolute http(s) URL, not '{text}'");
}
