using System.CommandLine;
using System.Text.Json;
using Identity.Cli.Output;
using Identity.Cli.Replay;
using Spectre.Console;

namespace Identity.Cli.Verify;

/// <summary>
/// <c>identity verify</c>: the customer's test environment. Runs the discovery checks and the documented
/// request sequences of the chosen IdPs against any SCIM base URL, removes what it created, prints a
/// pass/fail table and exits 0 only when every check passed.
/// </summary>
internal static class VerifyCommand
{
    private static readonly JsonSerializerOptions JsonOutput = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliContext context)
    {
        var baseUrl = new Option<string>("--base") { Description = "The SCIM base URL, as the IdP will be given it (…/scim/v2)", Required = true };
        var token = new Option<string?>("--token") { Description = "The tenant's SCIM bearer token (env IDENTITY_SCIM_TOKEN)" };
        var idp = new Option<string[]>("--idp")
        {
            Description = $"IdPs whose sequences to run, repeatable or comma-separated: {string.Join(", ", FixtureCatalog.Idps)} (default: all)",
            AllowMultipleArgumentsPerToken = true,
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "One row per step instead of one per sequence" };
        var command = new Command("verify", "Check a SCIM endpoint with the IdPs' documented sequences before pointing an IdP at it") { baseUrl, token, idp, verbose };
        command.Handle(context, async (parse, ct) =>
        {
            var target = CliContext.AbsoluteHttpUri(parse.GetValue(baseUrl)!, "--base").ToString();
            var secret = parse.GetValue(token) ?? context.Environment("IDENTITY_SCIM_TOKEN");
            if (string.IsNullOrWhiteSpace(secret))
            {
                throw new CliException("no SCIM token: pass --token or set IDENTITY_SCIM_TOKEN");
            }
            var idps = ChooseIdps(parse.GetValue(idp) ?? []);
            var runner = new VerifyRunner(context.Http, target, secret.Trim(), parse.GetValue(verbose));
            var results = context.Console.Interactive
                ? await WithProgressAsync(context, runner, idps, ct)
                : await runner.RunAsync(idps, _ => { }, ct);
            Print(context, parse, results);
            return results.All(r => r.Passed) ? 0 : CommandActions.Failed;
        });
        return command;
    }

    internal static IReadOnlyList<string> ChooseIdps(IEnumerable<string> values)
    {
        var chosen = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant()).Distinct().ToList();
        if (chosen.Count == 0 || chosen.Contains("all"))
        {
            return FixtureCatalog.Idps;
        }
        var unknown = chosen.Where(c => !FixtureCatalog.Idps.Contains(c)).ToList();
        return unknown.Count == 0 ? chosen
            : throw new CliException($"unknown IdP {string.Join(", ", unknown.Select(u => $"'{u}'"))}: choose from {string.Join(", ", FixtureCatalog.Idps)} or all");
    }

    private static async Task<IReadOnlyList<VerifyResult>> WithProgressAsync(CliContext context, VerifyRunner runner, IReadOnlyList<string> idps,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<VerifyResult> results = [];
        await context.Console.Out.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Verifying", maxValue: VerifyRunner.CountChecks(idps));
            results = await runner.RunAsync(idps, name =>
            {
                task.Increment(1);
                task.Description = Markup.Escape(name);
            }, cancellationToken);
        });
        return results;
    }

    private static void Print(CliContext context, ParseResult parse, IReadOnlyList<VerifyResult> results)
    {
        var failed = results.Where(r => !r.Passed).ToList();
        if (parse.GetValue(context.Json))
        {
            context.Console.OutWriter.WriteLine(JsonSerializer.Serialize(results, JsonOutput));
            return;
        }
        var table = Tables.New("Check", "IdP", "Step", "Expected", "Got", "Result");
        foreach (var r in results)
        {
            table.AddTextRow(r.Check, r.Idp, r.Step, r.Expected, r.Got, r.Passed ? "pass" : "FAIL");
        }
        context.Console.Out.Write(table);
        context.Console.OutWriter.WriteLine(failed.Count == 0
            ? $"verify: all {results.Count} checks passed."
            : $"verify: {failed.Count} of {results.Count} checks failed: {string.Join(", ", failed.Select(f => $"{f.Check} ({f.Step})"))}.");
    }
}
