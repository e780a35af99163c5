using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Cli.Output;
using Spectre.Console;

namespace Identity.Cli.Admin;

/// <summary>
/// <c>identity reconcile</c>: runs Revocation's reconciler now (POST /admin/reconcile on its management
/// port, which the ingress never exposes), blocking users Directory shows deactivated or deleted.
/// </summary>
internal static class ReconcileCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5103";

    public static Command Create(CliContext context)
    {
        var revocation = new Option<string?>("--revocation-url")
        {
            Description = $"Revocation's management URL (env IDENTITY_REVOCATION_URL; default {DefaultUrl}, the DevHost's)",
        };
        var command = new Command("reconcile", "Run Revocation's reconciler now and show its report") { revocation };
        command.Handle(context, async (parse, ct) =>
        {
            var baseUri = CliContext.AbsoluteHttpUri(parse.GetValue(revocation) ?? context.Environment("IDENTITY_REVOCATION_URL") ?? DefaultUrl,
                "--revocation-url / IDENTITY_REVOCATION_URL");
            var target = new Uri(baseUri.ToString().TrimEnd('/') + "/admin/reconcile");
            var report = context.Console.Interactive
                ? await context.Console.Out.Status().StartAsync("Reconciling every tenant with Directory…", _ => PostAsync(context, target, ct))
                : await PostAsync(context, target, ct);
            if (parse.GetValue(context.Json))
            {
                Tables.WriteJson(context.Console, report);
                return 0;
            }
            var table = Tables.New("Tenants", "Inactive users", "Users blocked now", "Failed tenants");
            table.AddTextRow(Tables.Field(report, "tenants"), Tables.Field(report, "inactiveUsers"), Tables.Field(report, "usersBlocked"),
                Tables.Field(report, "failedTenants"));
            context.Console.Out.Write(table);
            return report?["failedTenants"] is JsonArray { Count: > 0 } ? CommandActions.Failed : 0;
        });
        return command;
    }

    private static async Task<JsonNode?> PostAsync(CliContext context, Uri target, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await context.Http.PostAsync(target, null, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return JsonNode.Parse(text);
            }
            // Revocation answers problem details; its detail says what is missing.
            var detail = TryParse(text)?["detail"]?.GetValue<string>();
            throw new CliException($"POST {target}: {(int)response.StatusCode}{(detail is null ? $" {response.StatusCode}" : ": " + detail)}");
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot reach Revocation's management port at {target}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"Revocation did not answer {target} within {context.Http.Timeout.TotalSeconds:0} s");
        }
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
