using System.CommandLine;
using System.Text.Json.Nodes;
using Identity.Cli.Output;
using Spectre.Console;

namespace Identity.Cli.Admin;

/// <summary>
/// <c>identity tokens issue|list|rotate|revoke</c>: the bearer tokens a tenant's IdP sends. A secret is
/// printed once, when the edge answers it, and never again; list shows metadata only.
/// </summary>
internal static class TokenCommands
{
    public static Command Create(CliContext context)
    {
        var tokens = new Command("tokens", "SCIM bearer tokens: issue, list, rotate, revoke");
        tokens.Subcommands.Add(Issue(context));
        tokens.Subcommands.Add(List(context));
        tokens.Subcommands.Add(Rotate(context));
        tokens.Subcommands.Add(Revoke(context));
        return tokens;
    }

    private static Command Issue(CliContext context)
    {
        var tenantId = TenantCommands.TenantArgument();
        var description = new Option<string?>("--description") { Description = "What the token is for (\"Okta production\")" };
        var expiresAt = new Option<DateTimeOffset?>("--expires-at") { Description = "When it stops working (ISO 8601, in the future)" };
        var command = new Command("issue", "Issue a token; its secret is shown once") { tenantId, description, expiresAt };
        command.Handle(context, async (parse, ct) =>
        {
            var body = TenantCommands.Body(("description", parse.GetValue(description)));
            if (parse.GetValue(expiresAt) is { } at)
            {
                body["expiresAt"] = at.ToUniversalTime();
            }
            var answer = await context.Admin(parse).PostAsync($"{Tokens(parse, tenantId)}", body, ct);
            return PrintWithSecret(context, parse, answer, answer?["token"], "secret");
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var tenantId = TenantCommands.TenantArgument();
        var command = new Command("list", "List a tenant's tokens (metadata only)") { tenantId };
        command.Handle(context, async (parse, ct) =>
        {
            var answer = await context.Admin(parse).GetAsync(Tokens(parse, tenantId), ct);
            var tokens = answer?["tokens"] as JsonArray ?? [];
            if (parse.GetValue(context.Json))
            {
                Tables.WriteJson(context.Console, answer);
            }
            else if (parse.GetValue(context.Quiet))
            {
                foreach (var token in tokens)
                {
                    context.Console.OutWriter.WriteLine(Tables.Field(token, "tokenId"));
                }
            }
            else
            {
                context.Console.Out.Write(Table(tokens));
            }
            return 0;
        });
        return command;
    }

    private static Command Rotate(CliContext context)
    {
        var tenantId = TenantCommands.TenantArgument();
        var tokenId = new Argument<string>("tokenId") { Description = "The token to replace" };
        var overlap = new Option<int?>("--overlap-seconds") { Description = "How long the old token keeps working (0 to 2592000; default 0)" };
        var command = new Command("rotate", "Replace a token; the new secret is shown once") { tenantId, tokenId, overlap };
        command.Handle(context, async (parse, ct) =>
        {
            var body = new JsonObject();
            if (parse.GetValue(overlap) is { } seconds)
            {
                body["overlapSeconds"] = seconds;
            }
            var answer = await context.Admin(parse).PostAsync($"{Tokens(parse, tenantId)}/{AdminClient.Segment(parse.GetValue(tokenId)!)}/rotate", body, ct);
            return PrintWithSecret(context, parse, answer, answer?["newToken"], "secret", answer?["oldToken"]);
        });
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var tenantId = TenantCommands.TenantArgument();
        var tokenId = new Argument<string>("tokenId") { Description = "The token to revoke" };
        var command = new Command("revoke", "Revoke a token (the edge refuses it within 30 s)") { tenantId, tokenId };
        command.Handle(context, async (parse, ct) =>
        {
            var token = await context.Admin(parse).DeleteAsync($"{Tokens(parse, tenantId)}/{AdminClient.Segment(parse.GetValue(tokenId)!)}", ct);
            if (parse.GetValue(context.Json))
            {
                Tables.WriteJson(context.Console, token);
            }
            else if (parse.GetValue(context.Quiet))
            {
                context.Console.OutWriter.WriteLine(Tables.Field(token, "tokenId"));
            }
            else
            {
                context.Console.Out.Write(Table([token]));
            }
            return 0;
        });
        return command;
    }

    private static string Tokens(ParseResult parse, Argument<string> tenantId) =>
        $"/admin/tenants/{AdminClient.Segment(parse.GetValue(tenantId)!)}/tokens";

    private static int PrintWithSecret(CliContext context, ParseResult parse, JsonNode? answer, JsonNode? token, string secretField, JsonNode? replaced = null)
    {
        var secret = Tables.Field(answer, secretField);
        if (parse.GetValue(context.Json))
        {
            Tables.WriteJson(context.Console, answer);
            return 0;
        }
        if (parse.GetValue(context.Quiet))
        {
            context.Console.OutWriter.WriteLine(secret);
            return 0;
        }
        context.Console.Out.Write(Table(replaced is null ? [token] : [token, replaced]));
        context.Console.OutWriter.WriteLine($"Secret (shown once, store it now): {secret}");
        return 0;
    }

    private static Table Table(IEnumerable<JsonNode?> tokens)
    {
        var table = Tables.New("Token", "Description", "Status", "Created", "Expires", "Revoked");
        foreach (var token in tokens)
        {
            table.AddTextRow(Tables.Field(token, "tokenId"), Tables.Field(token, "description"), Tables.Field(token, "status"),
                Tables.Field(token, "created"), Tables.Field(token, "expiresAt"), Tables.Field(token, "revokedAt"));
        }
        return table;
    }
}
