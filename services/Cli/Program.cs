using Identity.Cli;
using Identity.Cli.Output;

return await CliApp.RunAsync(args, CliConsole.FromProcess(), Environment.GetEnvironmentVariable, CancellationToken.None);
