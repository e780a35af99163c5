using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Identity.ServiceDefaults.Logging;

internal static class LoggingSetup
{
    // Structured JSON lines on stdout, one object per event, so a cluster's log shipper
    // needs no parsing rules. Logging__Console__FormatterName=simple switches to text.
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        var formatter = builder.Configuration["Logging:Console:FormatterName"];
        if (string.Equals(formatter, "simple", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
    }
}
