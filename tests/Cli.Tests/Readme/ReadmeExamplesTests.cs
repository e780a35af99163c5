using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Identity.Cli.Tests.Support;
using Identity.TestKit;

namespace Identity.Cli.Tests.Readme;

/// <summary>
/// Runs the README's CLI example block with bash, line by line as written, against the suite: the tool
/// is the built Identity.Cli.dll behind an <c>identity</c> function, and only the tenant name "acme" is
/// replaced by a fresh one so every run has its own tenant.
/// </summary>
[Collection(CliSuiteCollection.Name)]
public sealed partial class ReadmeExamplesTests(CliSuiteFixture fixture)
{
    private const string Marker = "<!-- The block below is run line by line by tests/Cli.Tests/Readme/ReadmeExamplesTests.cs. -->";

    [Fact]
    public async Task CliExamples_RunAsWritten_EveryLineSucceeds()
    {
        var tenant = TestTenant.New();
        var lines = ExampleLines();
        var script = new StringBuilder("set -euo pipefail\nidentity() { dotnet \"$IDENTITY_CLI_DLL\" \"$@\"; }\n");
        for (var i = 0; i < lines.Count; i++)
        {
            script.Append(Acme().Replace(lines[i], tenant)).Append('\n').Append($"echo \"readme line {i + 1} ok\"\n");
        }

        var (exitCode, output, error) = await RunBashAsync(script.ToString());

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Contains($"readme line {i + 1} ok", output);
        }
        Assert.Contains("checks passed.", output);
        var stored = await fixture.AdminAsync(HttpMethod.Get, $"/admin/tenants/{tenant}");
        Assert.Equal("okta", stored!["idpProfile"]!.GetValue<string>());
        Assert.True(stored["lenientAttributes"]!.GetValue<bool>());
        var mappings = await fixture.AdminAsync(HttpMethod.Get, $"/admin/tenants/{tenant}/role-mappings");
        Assert.Equal("Engineering", mappings!["mappings"]![0]!["groupDisplayName"]!.GetValue<string>());
        var tokens = (await fixture.AdminAsync(HttpMethod.Get, $"/admin/tenants/{tenant}/tokens"))!["tokens"]!.AsArray();
        Assert.Equal(2, tokens.Count);
        Assert.Contains(tokens, t => t!["status"]!.GetValue<string>() == "revoked");
        Assert.Contains(tokens, t => t!["status"]!.GetValue<string>() == "active");
    }

    [Fact]
    public void CliExamples_Block_UsesEveryOperatorCommand()
    {
        var commands = ExampleLines().Select(l => Command().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Equal(["tenants", "tokens", "role-mappings", "verify", "log", "audit", "reconcile"], commands);
    }

    /// <summary>The command lines of the fenced block after the marker: blank lines dropped, trailing comments kept (bash ignores them).</summary>
    private static List<string> ExampleLines()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var start = readme.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(start >= 0, "The README has lost its CLI example marker.");
        var open = readme.IndexOf("```bash\n", start, StringComparison.Ordinal) + "```bash\n".Length;
        var close = readme.IndexOf("\n```", open, StringComparison.Ordinal);
        return [.. readme[open..close].Split('\n').Where(l => !string.IsNullOrWhiteSpace(l))];
    }

    private async Task<(int ExitCode, string Output, string Error)> RunBashAsync(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["IDENTITY_URL"] = fixture.EdgeUrl;
        start.Environment["IDENTITY_ADMIN_KEY"] = fixture.Suite.AdminKey;
        start.Environment["IDENTITY_REVOCATION_URL"] = fixture.RevocationManagementUri.ToString();
        start.Environment["IDENTITY_CLI_DLL"] = Path.Combine(AppContext.BaseDirectory, "Identity.Cli.dll");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WithTimeout(TimeSpan.FromSeconds(240));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output.WithTimeout(), await error.WithTimeout());
    }

    [GeneratedRegex(@"\bacme\b")]
    private static partial Regex Acme();

    [GeneratedRegex(@"identity ([a-z-]+)")]
    private static partial Regex Command();
}
