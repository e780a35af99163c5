using System.CommandLine;
using Identity.Cli.Admin;
using Identity.Cli.Output;
using Identity.Cli.Verify;

namespace Identity.Cli;

/// <summary>The <c>identity</c> command tree, runnable in-process: tests pass their own writers and environment.</summary>
public static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("identity: operate an Identity SCIM suite, and verify a SCIM endpoint before an IdP uses it");
        root.Options.Add(context.Url);
        root.Options.Add(context.AdminKey);
        root.Options.Add(context.Json);
        root.Options.Add(context.Quiet);
        root.Subcommands.Add(TenantCommands.Create(context));
        root.Subcommands.Add(TokenCommands.Create(context));
        root.Subcommands.Add(RoleMappingCommands.Create(context));
        root.Subcommands.Add(LogCommand.Create(context));
        root.Subcommands.Add(AuditCommand.Create(context));
        root.Subcommands.Add(ReconcileCommand.Create(context));
        root.Subcommands.Add(VerifyCommand.Create(context));
        return root;
    }

    /// <summary>The subcommand names from the root down ("tokens", "rotate"), without the root's own name.</summary>
    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (var current = result; current.Parent is System.CommandLine.Parsing.CommandResult parent; current = parent)
        {
            names.Push(current.Command.Name);
        }
        return names;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var context = new CliContext(console, environment);
        try
        {
            var parse = Build(context).Parse(args);
            if (parse.Errors.Count > 0)
            {
                // One line, like every other failure; the full usage is one --help away.
                var command = string.Join(' ', CommandPath(parse.CommandResult).Prepend("identity"));
                await console.Error.WriteLineAsync($"error: {string.Join(" ", parse.Errors.Select(e => e.Message.ReplaceLineEndings(" ").Trim()))} (see '{command} --help')");
                return CommandActions.Failed;
            }
            return await parse.InvokeAsync(new InvocationConfiguration { Output = console.OutWriter, Error = console.Error }, cancellationToken);
        }
        finally
        {
            context.Http.Dispose();
        }
    }
}
