using System.CommandLine;
using System.Text.Json.Nodes;
using Identity.Cli.Output;
using Spectre.Console;

namespace Identity.Cli.Admin;

/// <summary><c>identity role-mappings list|put|delete</c>: which application roles the members of a group get.</summary>
internal static class RoleMappingCommands
{
    public static Command Create(CliContext context)
    {
        var mappings = new Command("role-mappings", "Group → role mappings: list, put, delete, and a user's effective roles");
        mappings.Subcommands.Add(List(context));
        mappings.Subcommands.Add(Put(context));
        mappings.Subcommands.Add(Delete(context));
        mappings.Subcommands.Add(Effective(context));
        return mappings;
    }

    private static Command List(CliContext context)
    {
        var tenantId = TenantCommands.TenantArgument();
        var groupId = new Option<string?>("--group-id") { Description = "Only the mappings of this group" };
        var command = new Command("list", "List a tenant's role mappings") { tenantId, groupId };
        command.Handle(context, async (parse, ct) =>
        {
            var query = parse.GetValue(groupId) is { } group ? "?groupId=" + Uri.EscapeDataString(group) : "";
            var answer = await context.Admin(parse).GetAsync(Mappings(parse, tenantId) + query, ct);
            return Print(context, parse, answer, [.. answer?["mappings"] as JsonArray ?? []]);
        });
        return command;
    }

    private static Command Put(CliContext context)
    {
        var tenantId = TenantCommands.TenantArgument();
        var groupId = new Option<string?>("--group-id") { Description = "The group, by its SCIM id" };
        var groupName = new Option<string?>("--group-name") { Description = "The group, by display name (matched case-insensitively, may precede the group)" };
        var roles = new Option<string[]>("--role")
        {
            Description = "A role members get (repeatable, or comma-separated)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var id = new Option<string?>("--id") { Description = "The mapping to replace; a new one when left out" };
        var command = new Command("put", "Create or replace the mapping of a group to roles") { tenantId, groupId, groupName, roles, id };
        command.Handle(context, async (parse, ct) =>
        {
            if (parse.GetValue(groupId) is null == parse.GetValue(groupName) is null)
            {
                throw new CliException("name the group by exactly one of --group-id or --group-name");
            }
            var body = TenantCommands.Body(("id", parse.GetValue(id)), ("groupId", parse.GetValue(groupId)), ("groupDisplayName", parse.GetValue(groupName)));
            body["roles"] = new JsonArray([.. (parse.GetValue(roles) ?? [])
                .SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(r => (JsonNode)JsonValue.Create(r))]);
            var mapping = await context.Admin(parse).PutAsync(Mappings(parse, tenantId), body, ct);
            return Print(context, parse, mapping, [mapping]);
        });
        return command;
    }

    private static Command Delete(CliContext context)
    {
        var tenantId = TenantCommands.TenantArgument();
        var mappingId = new Argument<string>("mappingId") { Description = "The mapping to delete" };
        var command = new Command("delete", "Delete a role mapping") { tenantId, mappingId };
        command.Handle(context, async (parse, ct) =>
        {
            var mapping = parse.GetValue(mappingId)!;
            await context.Admin(parse).DeleteAsync($"{Mappings(parse, tenantId)}/{AdminClient.Segment(mapping)}", ct);
            if (!parse.GetValue(context.Json))
            {
                context.Console.OutWriter.WriteLine(parse.GetValue(context.Quiet) ? mapping : $"Deleted role mapping {mapping}.");
            }
            return 0;
        });
        return command;
    }

    private static Command Effective(CliContext context)
    {
        var tenantId = TenantCommands.TenantArgument();
        var userId = new Argument<string>("userId") { Description = "The user, by SCIM id" };
        var command = new Command("effective", "A user's effective roles, each with where it comes from") { tenantId, userId };
        command.Handle(context, async (parse, ct) =>
        {
            var answer = await context.Admin(parse).GetAsync(
                $"/admin/tenants/{AdminClient.Segment(parse.GetValue(tenantId)!)}/users/{AdminClient.Segment(parse.GetValue(userId)!)}/effective-roles", ct);
            if (parse.GetValue(context.Json))
            {
                Tables.WriteJson(context.Console, answer);
                return 0;
            }
            var table = Tables.New("Role", "Source", "Group id", "Group name", "Mapping", "Via groups");
            foreach (var role in answer?["roles"] as JsonArray ?? [])
            {
                foreach (var source in role?["sources"] as JsonArray ?? [])
                {
                    table.AddTextRow(Tables.Field(role, "role"), Tables.Field(source, "kind"), Tables.Field(source, "groupId"),
                        Tables.Field(source, "groupDisplayName"), Tables.Field(source, "mappingId"), Tables.Field(source, "viaGroupIds"));
                }
            }
            context.Console.Out.Write(table);
            if (answer?["suspended"]?.GetValue<bool>() == true)
            {
                // GroupRole holds a deactivated user's roles back; say so rather than show an empty table as the whole story.
                context.Console.OutWriter.WriteLine("The user is suspended (inactive): no role is in effect.");
            }
            return 0;
        });
        return command;
    }

    private static string Mappings(ParseResult parse, Argument<string> tenantId) =>
        $"/admin/tenants/{AdminClient.Segment(parse.GetValue(tenantId)!)}/role-mappings";

    private static int Print(CliContext context, ParseResult parse, JsonNode? answer, IReadOnlyList<JsonNode?> mappings)
    {
        if (parse.GetValue(context.Json))
        {
            Tables.WriteJson(context.Console, answer);
            return 0;
        }
        if (parse.GetValue(context.Quiet))
        {
            foreach (var mapping in mappings)
            {
                context.Console.OutWriter.WriteLine(Tables.Field(mapping, "id"));
            }
            return 0;
        }
        var table = Tables.New("Mapping", "Group id", "Group name", "Roles", "Created");
        foreach (var mapping in mappings)
        {
            table.AddTextRow(Tables.Field(mapping, "id"), Tables.Field(mapping, "groupId"), Tables.Field(mapping, "groupDisplayName"),
                Tables.Field(mapping, "roles"), Tables.Field(mapping, "created"));
        }
        context.Console.Out.Write(table);
        return 0;
    }
}
