using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Identity.ServiceDefaults.Logging;

internal static class LoggingSetup
{
    // Structured JSON lines on stdout, one object per event, so a cluster's log shipper
    // needs no parsing rules. Logging__Console__FormatterName=simple switches to text.
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        // Costs nothing until a listener attaches: dotnet-trace/dotnet-monitor, and the tests' error-log guard.
        builder.Logging.AddEventSourceLogger();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.PostConfigure<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Json);
    }
}
