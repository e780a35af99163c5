using System.CommandLine;
using Identity.Cli.Output;

namespace Identity.Cli;

/// <summary>Runs a command's work so that an operator error is one line on stderr and exit code 1, and Ctrl-C ends quietly.</summary>
internal static class CommandActions
{
    public const int Failed = 1;

    public static void Handle(this Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await action(parse, cancellationToken);
            }
            catch (CliException ex)
            {
                await context.Console.Error.WriteLineAsync("error: " + ex.Message);
                return Failed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // 128 + SIGINT, what a shell reports for a command stopped with Ctrl-C.
                return 130;
            }
        });
}
