using System.CommandLine;
using System.Text.Json.Nodes;
using Identity.Cli.Output;
using Spectre.Console;

namespace Identity.Cli.Admin;

/// <summary><c>identity tenants list|create|show|update</c> over /admin/tenants.</summary>
internal static class TenantCommands
{
    public static Command Create(CliContext context)
    {
        var tenants = new Command("tenants", "Tenants: list, create, show, update");
        tenants.Subcommands.Add(List(context));
        tenants.Subcommands.Add(New(context));
        tenants.Subcommands.Add(Show(context));
        tenants.Subcommands.Add(Update(context));
        return tenants;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List the tenants");
        command.Handle(context, async (parse, ct) =>
        {
            JsonNode? answer;
            try
            {
                answer = await context.Admin(parse).GetAsync("/admin/tenants", ct);
            }
            catch (CliException ex) when (ex.Message.Contains(": 404", StringComparison.Ordinal))
            {
                throw new CliException("this edge's admin API has no tenant listing (GET /admin/tenants); use 'identity tenants show <tenantId>'");
            }
            var list = answer as JsonArray ?? answer?["tenants"] as JsonArray ?? [];
            return Print(context, parse, answer, [.. list]);
        });
        return command;
    }

    private static Command New(CliContext context)
    {
        var id = new Option<string?>("--id") { Description = "Tenant id (letters, digits, '-', '_'); generated when left out" };
        var displayName = new Option<string?>("--display-name") { Description = "A name for people" };
        var profile = IdpProfileOption();
        var command = new Command("create", "Create a tenant") { id, displayName, profile };
        command.Handle(context, async (parse, ct) =>
        {
            var body = Body(("tenantId", parse.GetValue(id)), ("displayName", parse.GetValue(displayName)), ("idpProfile", parse.GetValue(profile)));
            var tenant = await context.Admin(parse).PostAsync("/admin/tenants", body, ct);
            return Print(context, parse, tenant, [tenant]);
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var tenantId = TenantArgument();
        var command = new Command("show", "Show a tenant") { tenantId };
        command.Handle(context, async (parse, ct) =>
        {
            var tenant = await context.Admin(parse).GetAsync($"/admin/tenants/{AdminClient.Segment(parse.GetValue(tenantId)!)}", ct);
            return Print(context, parse, tenant, [tenant]);
        });
        return command;
    }

    private static Command Update(CliContext context)
    {
        var tenantId = TenantArgument();
        var displayName = new Option<string?>("--display-name") { Description = "A new name for people" };
        var profile = IdpProfileOption();
        var lenient = new Option<bool?>("--lenient-attributes") { Description = "true: keep unknown attributes instead of refusing them" };
        var command = new Command("update", "Change a tenant's display name, IdP profile or attribute leniency") { tenantId, displayName, profile, lenient };
        command.Handle(context, async (parse, ct) =>
        {
            var body = Body(("displayName", parse.GetValue(displayName)), ("idpProfile", parse.GetValue(profile)));
            if (parse.GetValue(lenient) is { } value)
            {
                body["lenientAttributes"] = value;
            }
            if (body.Count == 0)
            {
                throw new CliException("nothing to change: pass --display-name, --idp-profile or --lenient-attributes");
            }
            var tenant = await context.Admin(parse).PatchAsync($"/admin/tenants/{AdminClient.Segment(parse.GetValue(tenantId)!)}", body, ct);
            return Print(context, parse, tenant, [tenant]);
        });
        return command;
    }

    internal static Argument<string> TenantArgument() => new("tenantId") { Description = "The tenant" };

    private static Option<string?> IdpProfileOption() => new("--idp-profile")
    {
        Description = "entra, okta, google, onelogin, jumpcloud, ping, generic, or auto (detect per request)",
    };

    internal static JsonObject Body(params (string Name, string? Value)[] fields)
    {
        var body = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                body[name] = value;
            }
        }
        return body;
    }

    private static int Print(CliContext context, ParseResult parse, JsonNode? answer, IReadOnlyList<JsonNode?> tenants)
    {
        if (parse.GetValue(context.Json))
        {
            Tables.WriteJson(context.Console, answer);
            return 0;
        }
        if (parse.GetValue(context.Quiet))
        {
            foreach (var tenant in tenants)
            {
                context.Console.OutWriter.WriteLine(Tables.Field(tenant, "id"));
            }
            return 0;
        }
        var table = Tables.New("Tenant", "Display name", "IdP profile", "Lenient attributes", "Created");
        foreach (var tenant in tenants)
        {
            table.AddTextRow(Tables.Field(tenant, "id"), Tables.Field(tenant, "displayName"), Tables.Field(tenant, "idpProfile"),
                Tables.Field(tenant, "lenientAttributes"), Tables.Field(tenant, "created"));
        }
        context.Console.Out.Write(table);
        return 0;
    }
}
