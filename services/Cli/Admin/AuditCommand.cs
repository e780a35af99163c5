using System.CommandLine;
using System.Text.Json.Nodes;
using Identity.Cli.Output;
using Spectre.Console;

namespace Identity.Cli.Admin;

/// <summary><c>identity audit</c>: Directory's durable audit trail of a tenant, oldest first, one page or all of them.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var tenantId = TenantCommands.TenantArgument();
        var resourceId = new Option<string?>("--resource-id") { Description = "Only the events of this user or group" };
        var pageSize = new Option<int?>("--page-size") { Description = "Events per page (1-1000)" };
        var pageToken = new Option<string?>("--page-token") { Description = "Continue where a previous page ended" };
        var all = new Option<bool>("--all") { Description = "Read every page" };
        var command = new Command("audit", "Search the audit trail of a tenant") { tenantId, resourceId, pageSize, pageToken, all };
        command.Handle(context, async (parse, ct) =>
        {
            var admin = context.Admin(parse);
            var events = new List<JsonNode?>();
            var next = parse.GetValue(pageToken);
            async Task ReadAsync(Action<int>? progress)
            {
                do
                {
                    var query = Query(("resourceId", parse.GetValue(resourceId)), ("pageSize", parse.GetValue(pageSize)?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("pageToken", next));
                    var page = await admin.GetAsync($"/admin/tenants/{AdminClient.Segment(parse.GetValue(tenantId)!)}/audit{query}", ct);
                    events.AddRange(page?["events"] as JsonArray ?? []);
                    next = page?["nextPageToken"]?.GetValue<string>();
                    progress?.Invoke(events.Count);
                }
                while (parse.GetValue(all) && next is not null);
            }
            if (parse.GetValue(all) && context.Console.Interactive)
            {
                await context.Console.Out.Status().StartAsync("Reading the audit trail…", status => ReadAsync(n => status.Status($"Read {n} events…")));
            }
            else
            {
                await ReadAsync(null);
            }
            Print(context, parse, events, next);
            return 0;
        });
        return command;
    }

    internal static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join("&", present);
    }

    private static void Print(CliContext context, ParseResult parse, List<JsonNode?> events, string? next)
    {
        if (parse.GetValue(context.Json))
        {
            Tables.WriteJson(context.Console, new JsonObject
            {
                ["events"] = new JsonArray([.. events.Select(e => e?.DeepClone())]),
                ["nextPageToken"] = next,
            });
            return;
        }
        var table = Tables.New("Time", "Actor", "Action", "Type", "Resource", "Version", "Request", "Detail");
        foreach (var e in events)
        {
            table.AddTextRow(Tables.Field(e, "time"), Tables.Field(e, "actor"), Tables.Field(e, "action"), Tables.Field(e, "resourceType"),
                Tables.Field(e, "resourceId"), $"{Tables.Field(e, "versionBefore")} → {Tables.Field(e, "versionAfter")}", Tables.Field(e, "requestId"),
                Tables.Field(e, "detail"));
        }
        context.Console.Out.Write(table);
        context.Console.OutWriter.WriteLine(next is null ? $"{events.Count} events." : $"{events.Count} events; more with --page-token {next} (or --all).");
    }
}
