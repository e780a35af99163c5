// The JSON keys are Consul's wire names; that some match this class's members is a coincidence nameof would hide.
#pragma warning disable CA1507

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Identity.TestKit.Consul;

// The endpoints, answering as website/content/api-docs/agent/service.mdx and health.mdx document.
public sealed partial class FakeConsulServer
{
    private const string NodeName = "fake-node";
    private const string NodeAddress = "127.0.0.1";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    private async Task RegisterAsync(HttpContext context)
    {
        if (!await AdmitAsync(context))
        {
            return;
        }
        JsonObject body;
        try
        {
            body = JsonNode.Parse((string)context.Items["body"]!) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException ex)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Request decode failed: " + ex.Message, context.RequestAborted);
            return;
        }
        var name = body["Name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Missing service name", context.RequestAborted);
            return;
        }
        var id = body["ID"]?.GetValue<string>() is { Length: > 0 } given ? given : name;
        var check = body["Check"] as JsonObject;
        lock (_gate)
        {
            _services[id] = new FakeConsulService
            {
                Id = id,
                Name = name,
                Address = body["Address"]?.GetValue<string>() ?? "",
                Port = body["Port"]?.GetValue<int>() ?? 0,
                Tags = body["Tags"] is JsonArray tags ? tags.Select(t => t!.GetValue<string>()).ToList() : [],
                CheckId = check?["CheckID"]?.GetValue<string>() ?? "service:" + id,
                CheckUrl = check?["HTTP"]?.GetValue<string>(),
                Body = body,
                CreateIndex = _index + 1,
                // Consul starts a check as critical unless the definition says otherwise.
                Status = check?["Status"]?.GetValue<string>() ?? "critical",
            };
            BumpLocked();
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task DeregisterAsync(HttpContext context, string id)
    {
        if (!await AdmitAsync(context))
        {
            return;
        }
        bool removed;
        lock (_gate)
        {
            removed = _services.Remove(id);
            if (removed)
            {
                BumpLocked();
            }
        }
        if (!removed)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("Unknown service ID: " + id, context.RequestAborted);
        }
    }

    private async Task HealthServiceAsync(HttpContext context, string name)
    {
        if (!await AdmitAsync(context))
        {
            return;
        }
        var query = context.Request.Query;
        var passingOnly = query.TryGetValue("passing", out var passing) && passing.ToString() is not ("false" or "0");
        var requested = ulong.TryParse(query["index"], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0;
        var wait = FakeConsulServer.ParseGoDuration(query["wait"], DefaultWait);
        wait = wait > MaxWait ? MaxWait : wait;
        var deadline = DateTime.UtcNow + wait;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _running!.Token);
        while (requested > 0)
        {
            Task changed;
            lock (_gate)
            {
                if (_index > requested)
                {
                    break;
                }
                changed = _changed.Task;
            }
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }
            try
            {
                await changed.WaitAsync(remaining, linked.Token);
            }
            catch (TimeoutException)
            {
                break;
            }
            catch (OperationCanceledException)
            {
                // The agent is going away (or the client left): drop the connection, as a dying agent would.
                context.Abort();
                return;
            }
        }
        JsonArray entries;
        ulong index;
        lock (_gate)
        {
            index = _index;
            entries = new JsonArray(_services.Values
                .Where(s => s.Name == name && (!passingOnly || s.Status == "passing"))
                .OrderBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => (JsonNode)Entry(s, index))
                .ToArray());
        }
        context.Response.Headers["X-Consul-Index"] = index.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-Consul-KnownLeader"] = "true";
        context.Response.Headers["X-Consul-LastContact"] = "0";
        await WriteJsonAsync(context, entries);
    }

    private static JsonObject Entry(FakeConsulService s, ulong index) => new()
    {
        ["Node"] = new JsonObject
        {
            ["ID"] = "40e4a748-2192-161a-0510-9bf59fe950b5",
            ["Node"] = NodeName,
            ["Address"] = NodeAddress,
            ["Datacenter"] = "dc1",
            ["TaggedAddresses"] = new JsonObject { ["lan"] = NodeAddress, ["wan"] = NodeAddress },
            ["Meta"] = new JsonObject(),
            ["CreateIndex"] = 5,
            ["ModifyIndex"] = 5,
        },
        ["Service"] = new JsonObject
        {
            ["ID"] = s.Id,
            ["Service"] = s.Name,
            ["Tags"] = new JsonArray(s.Tags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            ["Address"] = s.Address,
            ["TaggedAddresses"] = new JsonObject(),
            ["Meta"] = s.Body["Meta"]?.DeepClone() ?? new JsonObject(),
            ["Port"] = s.Port,
            ["Weights"] = new JsonObject { ["Passing"] = 1, ["Warning"] = 1 },
            ["EnableTagOverride"] = false,
            ["CreateIndex"] = s.CreateIndex,
            ["ModifyIndex"] = index,
        },
        ["Checks"] = new JsonArray(
            Check(s.CheckId, s.Body["Check"]?["Name"]?.GetValue<string>() ?? $"Service '{s.Name}' check", s.Status, s),
            Check("serfHealth", "Serf Health Status", "passing", null)),
    };

    private static JsonObject Check(string id, string name, string status, FakeConsulService? s) => new()
    {
        ["Node"] = NodeName,
        ["CheckID"] = id,
        ["Name"] = name,
        ["Status"] = status,
        ["Notes"] = "",
        ["Output"] = "",
        ["ServiceID"] = s?.Id ?? "",
        ["ServiceName"] = s?.Name ?? "",
        ["ServiceTags"] = new JsonArray((s?.Tags ?? []).Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
    };
}
