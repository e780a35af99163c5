using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Grpc.Net.Client;
using Identity.Contracts.Directory.V1;
using Identity.DevHost;
using Identity.EndToEnd.Tests.Edge;
using Identity.EndToEnd.Tests.Fixtures;
using Identity.TestKit;
using Xunit.Abstractions;

namespace Identity.EndToEnd.Tests.Fuzz;

/// <summary>
/// Generated malformed and adversarial requests against the real edge, for a time budget
/// (IDENTITY_FUZZ_SECONDS, default 45) from a seed (IDENTITY_FUZZ_SEED, random by default and
/// printed): no answer is a 5xx, every error is a SCIM error envelope, and a user and a group
/// created before are byte-for-byte the same after. The whole suite runs on loopback with the
/// rate limits lifted by configuration, so every request reaches the handlers.
/// </summary>
public sealed class EdgeFuzzTests(ITestOutputHelper output)
{
    private const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    [Fact]
    public async Task Fuzz_MalformedRequests_NeverA5xxAndAlwaysAScimError()
    {
        var budget = TimeSpan.FromSeconds(Setting("IDENTITY_FUZZ_SECONDS", 45));
        var seed = Setting("IDENTITY_FUZZ_SEED", Random.Shared.Next());
        output.WriteLine($"fuzz seed {seed} (IDENTITY_FUZZ_SEED={seed} replays it), budget {budget.TotalSeconds} s");
        var data = Path.Combine(Path.GetTempPath(), "identity-fuzz-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await RunAsync(data, budget, seed);
        }
        finally
        {
            DeleteQuietly(data);
        }
    }

    private async Task RunAsync(string data, TimeSpan budget, int seed)
    {
        await using var suite = await EmbeddedSuite.StartAsync(SuiteFixture.EphemeralOptions(data), new Dictionary<string, string?>
        {
            ["RateLimits:PermitsPerSecond"] = "1000000",
            ["RateLimits:Burst"] = "10000000",
        }).WaitAsync(TimeSpan.FromSeconds(60));
        using var scim = await TenantClientAsync(suite);
        var sentinelUser = await scim.CreateUserAsync("sentinel@example.com");
        var (groupStatus, group) = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Groups",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Sentinel","members":[{"value":"{{sentinelUser}}"}]}""");
        Assert.Equal(201, groupStatus);
        var sentinelGroup = group!["id"]!.GetValue<string>();
        var targetUser = await scim.CreateUserAsync("target@example.com");
        var (targetStatus, target) = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Groups",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Fuzz target group"}""");
        Assert.Equal(201, targetStatus);
        var before = await SnapshotAsync(scim, sentinelUser, sentinelGroup);

        var generator = new FuzzGenerator(seed, targetUser, target!["id"]!.GetValue<string>());
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var statuses = new SortedDictionary<int, int>();
        while (clock.Elapsed < budget)
        {
            var request = generator.Next();
            var (status, problem) = await SendAsync(scim, request);
            sent++;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(problem is null, $"fuzz seed {seed}, request #{sent}: {problem}{Environment.NewLine}{request}");
        }

        output.WriteLine($"{sent} requests; statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(sent > 0, "the budget allowed no request");
        var after = await SnapshotAsync(scim, sentinelUser, sentinelGroup);
        Assert.True(before.SequenceEqual(after), $"fuzz seed {seed}: a sentinel resource changed{Environment.NewLine}before: {before[0]}{before[1]}{Environment.NewLine}after: {after[0]}{after[1]}");
    }

    /// <summary>The answer's status, and what is wrong with it (null when it is a proper non-5xx answer).</summary>
    private static async Task<(int Status, string? Problem)> SendAsync(HttpClient scim, FuzzRequest request)
    {
        using var message = request.ToMessage();
        using var response = await scim.SendAsync(message).WithTimeout(TimeSpan.FromSeconds(60));
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync().WithTimeout();
        if (status >= 500)
        {
            return (status, $"answered {status}: {text}");
        }
        if (status < 400)
        {
            return (status, null);
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var schemas = root.TryGetProperty("schemas", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Select(s => s.GetString()).ToList() : [];
            var statusText = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            return schemas.Contains(ErrorSchema) && statusText == status.ToString(CultureInfo.InvariantCulture)
                ? (status, null)
                : (status, $"answered {status} without a SCIM error envelope (schemas {ErrorSchema}, status as a string): {text}");
        }
        catch (JsonException)
        {
            return (status, $"answered {status} with a body that is not JSON: {text}");
        }
    }

    private static async Task<string[]> SnapshotAsync(HttpClient scim, string userId, string groupId)
    {
        var user = await scim.GetStringAsync(new Uri($"/scim/v2/Users/{userId}", UriKind.Relative)).WithTimeout();
        var group = await scim.GetStringAsync(new Uri($"/scim/v2/Groups/{groupId}", UriKind.Relative)).WithTimeout();
        return [user, group];
    }

    private static async Task<HttpClient> TenantClientAsync(EmbeddedSuite suite)
    {
        var tenant = TestTenant.New();
        using var channel = GrpcChannel.ForAddress(suite.DirectoryUri);
        var directory = new DirectoryService.DirectoryServiceClient(channel);
        await directory.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant }).ResponseAsync.WithTimeout();
        var issued = await directory.IssueTokenAsync(new IssueTokenRequest { TenantId = tenant, Description = "fuzz" }).ResponseAsync.WithTimeout();
        var client = new HttpClient { BaseAddress = suite.ScimUri, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Secret);
        return client;
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Temp data left behind is harmless.
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
