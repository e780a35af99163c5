using Spectre.Console;

namespace Identity.Cli.Output;

/// <summary>
/// Where a command writes: tables and results to <see cref="Out"/>, the one-line error to
/// <see cref="Error"/>. Tests pass their own writers; the tool uses the process's streams.
/// </summary>
public sealed class CliConsole(IAnsiConsole output, TextWriter outWriter, TextWriter error)
{
    public IAnsiConsole Out { get; } = output;

    /// <summary>The raw stream behind <see cref="Out"/>, for JSON and lines no table layout may wrap.</summary>
    public TextWriter OutWriter { get; } = outWriter;

    public TextWriter Error { get; } = error;

    /// <summary>Progress and spinners only draw on a terminal; piped output stays plain text.</summary>
    public bool Interactive => Out.Profile.Capabilities.Interactive;

    public static CliConsole FromProcess()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            // A pipe has no width; without one tables would wrap at 80 columns.
            console.Profile.Width = 240;
        }
        return new CliConsole(console, System.Console.Out, System.Console.Error);
    }

    /// <summary>A console over plain writers: no colour, no animation, wide enough that tables do not wrap.</summary>
    public static CliConsole ForWriters(TextWriter output, TextWriter error, int width = 240)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return new CliConsole(console, output, error);
    }
}
