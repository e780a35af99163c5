using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Identity.Cli.Output;
using Spectre.Console;

namespace Identity.Cli.Admin;

/// <summary>
/// <c>identity log</c>: the edge's recent SCIM requests of a tenant (the provisioning log). With
/// --follow it polls and prints each new request as a line until Ctrl-C, like <c>tail -f</c>.
/// </summary>
internal static class LogCommand
{
    public static Command Create(CliContext context)
    {
        var tenantId = TenantCommands.TenantArgument();
        var status = new Option<string?>("--status") { Description = "Only this status (404), class (4xx) or 'error' (400 and up)" };
        var limit = new Option<int?>("--limit") { Description = "Most entries per read (default 100)" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only requests from this time on (ISO 8601)" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep polling and print new requests as they arrive (Ctrl-C stops)" };
        var interval = new Option<double>("--interval")
        {
            Description = "Seconds between polls with --follow (default 2)",
            DefaultValueFactory = _ => 2,
        };
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0.1 or > 3600)
            {
                result.AddError("--interval must be between 0.1 and 3600 seconds.");
            }
        });
        var command = new Command("log", "Recent SCIM requests of a tenant, newest first") { tenantId, status, limit, since, follow, interval };
        command.Handle(context, async (parse, ct) =>
        {
            var admin = context.Admin(parse);
            var path = $"/admin/tenants/{AdminClient.Segment(parse.GetValue(tenantId)!)}/provisioning-log";
            string Query(string? from) => AuditCommand.Query(("status", parse.GetValue(status)),
                ("limit", parse.GetValue(limit)?.ToString(CultureInfo.InvariantCulture)), ("since", from));
            var first = await admin.GetAsync(path + Query(parse.GetValue(since)?.ToString("O", CultureInfo.InvariantCulture)), ct);
            var entries = first?["entries"] as JsonArray ?? [];
            if (!parse.GetValue(follow))
            {
                Print(context, parse, first, entries);
                return 0;
            }
            return await FollowAsync(context, parse, admin, path, Query, entries, TimeSpan.FromSeconds(parse.GetValue(interval)), ct);
        });
        return command;
    }

    private static async Task<int> FollowAsync(CliContext context, ParseResult parse, AdminClient admin, string path, Func<string?, string> query,
        JsonArray entries, TimeSpan interval, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? last = null;
        void Emit(JsonArray batch)
        {
            // The log answers newest first; a follower reads oldest first, like tail -f.
            foreach (var entry in batch.Reverse())
            {
                if (seen.Add(Tables.Field(entry, "requestId") + "|" + entry?["time"]))
                {
                    context.Console.OutWriter.WriteLine(parse.GetValue(context.Json) ? entry?.ToJsonString() : Line(entry));
                    last = entry?["time"]?.GetValue<string>();
                }
            }
            context.Console.OutWriter.Flush();
        }
        Emit(entries);
        try
        {
            while (true)
            {
                await Task.Delay(interval, cancellationToken);
                // since is inclusive, so the newest entry already printed comes again; seen drops it.
                var page = await admin.GetAsync(path + query(last), cancellationToken);
                Emit(page?["entries"] as JsonArray ?? []);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    private static string Line(JsonNode? e)
    {
        var error = string.IsNullOrEmpty(Tables.Field(e, "scimType")) ? Tables.Field(e, "detail") : $"{Tables.Field(e, "scimType")}: {Tables.Field(e, "detail")}";
        return string.Join("  ", new[]
        {
            Tables.Field(e, "time"), Tables.Field(e, "method"), Tables.Field(e, "path") + Query(e), Tables.Field(e, "status"),
            Tables.Field(e, "durationMs") + " ms", Tables.Field(e, "answeringProfile"), error,
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    private static string Query(JsonNode? e) => Tables.Field(e, "query") is { Length: > 0 } q ? "?" + q : "";

    private static void Print(CliContext context, ParseResult parse, JsonNode? answer, JsonArray entries)
    {
        if (parse.GetValue(context.Json))
        {
            Tables.WriteJson(context.Console, answer);
            return;
        }
        var table = Tables.New("Time", "Method", "Path", "Status", "ms", "Profile", "scimType", "Detail", "User agent", "Request");
        foreach (var e in entries)
        {
            table.AddTextRow(Tables.Field(e, "time"), Tables.Field(e, "method"), Tables.Field(e, "path") + Query(e), Tables.Field(e, "status"),
                Tables.Field(e, "durationMs"), Tables.Field(e, "answeringProfile"), Tables.Field(e, "scimType"), Tables.Field(e, "detail"),
                Tables.Field(e, "userAgent"), Tables.Field(e, "requestId"));
        }
        context.Console.Out.Write(table);
        context.Console.OutWriter.WriteLine($"{entries.Count} requests (this edge replica keeps the last {Tables.Field(answer, "capacity")} per tenant).");
    }
}
