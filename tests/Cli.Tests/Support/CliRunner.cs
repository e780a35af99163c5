using Identity.Cli.Output;
using Identity.TestKit;

namespace Identity.Cli.Tests.Support;

/// <summary>Runs the identity command tree in-process, as the tool's Program does, with captured output and a given environment.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public string All => Out + Error;
    }

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var output = new SignallingWriter();
        var error = new SignallingWriter();
        var code = await StartAsync(output, error, environment, CancellationToken.None, args).WithTimeout(TimeSpan.FromSeconds(180));
        return new Result(code, output.ToString(), error.ToString());
    }

    public static Task<int> StartAsync(SignallingWriter output, SignallingWriter error, IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken, params string[] args) =>
        CliApp.RunAsync(args, CliConsole.ForWriters(output, error), name => environment.GetValueOrDefault(name), cancellationToken);

    /// <summary>The environment an operator sets: the edge URL and the admin key.</summary>
    public static Dictionary<string, string?> OperatorEnvironment(CliSuiteFixture fixture) => new()
    {
        ["IDENTITY_URL"] = fixture.EdgeUrl,
        ["IDENTITY_ADMIN_KEY"] = fixture.Suite.AdminKey,
    };
}
