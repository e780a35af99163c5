using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.ScimEdge.Tests.Protection;

/// <summary>
/// One tenant holding all its expensive-request slots gets 429 for one more, while another tenant's
/// requests, and the first tenant's cheap ones, are still served.
/// </summary>
[Collection(EdgeSuiteCollection.Name)]
public sealed class ExpensiveRequestLimitTests(EdgeSuiteFixture fixture)
{
    private const string SearchBody = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName pr","count":1}""";

    [Fact]
    public async Task TenantAtItsExpensiveLimit_Gets429_OtherTenantStillServed()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite, new Dictionary<string, string?>
        {
            ["RateLimits:MaxConcurrentExpensive"] = "2",
        }).WithTimeout();
        var (_, _, busy) = await edge.Admin.CreateTenantWithTokenAsync();
        var (_, _, quiet) = await edge.Admin.CreateTenantWithTokenAsync();
        // 100-continue makes the client send the body only when the handler asks for it, that is after the
        // request took its slot: the held body below is how the test knows, without waiting on a clock.
        using var held = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) })
        {
            BaseAddress = edge.Http.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bodies = new[] { new HeldBody(release.Task), new HeldBody(release.Task) };
        var running = bodies.Select(body => SendHeldSearchAsync(held, busy, body)).ToList();
        await Task.WhenAll(bodies.Select(b => b.Requested)).WithTimeout();

        using var refused = await edge.Admin.ScimAsync(busy, HttpMethod.Post, "/scim/v2/.search", Json(SearchBody));
        var quietSearch = await StatusAsync(edge.Admin.ScimAsync(quiet, HttpMethod.Post, "/scim/v2/.search", Json(SearchBody)));
        var quietList = await edge.Admin.ScimStatusAsync(quiet, "/scim/v2/Users?filter=userName%20pr");
        var busyCheap = await edge.Admin.ScimStatusAsync(busy, "/scim/v2/ServiceProviderConfig");
        release.SetResult();
        var heldStatuses = await Task.WhenAll(running).WithTimeout();
        var afterRelease = await StatusAsync(edge.Admin.ScimAsync(busy, HttpMethod.Post, "/scim/v2/.search", Json(SearchBody)));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Contains("\"status\":\"429\"", await refused.Content.ReadAsStringAsync().WithTimeout(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (quietSearch, quietList, busyCheap));
        Assert.All(heldStatuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.OK, afterRelease);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/scim+json");

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> SendHeldSearchAsync(HttpClient client, string secret, HeldBody body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/scim/v2/.search") { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request).WithTimeout(TimeSpan.FromSeconds(60));
        return response.StatusCode;
    }

    /// <summary>A search body that reports when the server asks for it and is sent only once released.</summary>
    private sealed class HeldBody : HttpContent
    {
        private static readonly byte[] Bytes = Encoding.UTF8.GetBytes(SearchBody);
        private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task _release;

        public HeldBody(Task release)
        {
            _release = release;
            Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");
        }

        public Task Requested => _requested.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            _requested.TrySetResult();
            await _release;
            await stream.WriteAsync(Bytes);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Bytes.Length;
            return true;
        }
    }
}
