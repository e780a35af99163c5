using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Identity.Cli.Tests.Verify;

/// <summary>
/// A deliberately wrong SCIM endpoint: a real Kestrel server on loopback that forwards every request
/// to the real edge and breaks exactly one thing in the way through, as a faulty server would.
/// </summary>
public sealed class BrokenScimProxy : IAsyncDisposable
{
    public enum Breakage
    {
        /// <summary>Drops the ETag header from every answer (RFC 7644 §3.14 versioning lost).</summary>
        DropsETag,

        /// <summary>Answers 200 instead of 201 to a create (RFC 7644 §3.3 requires 201).</summary>
        CreateAnswers200,

        /// <summary>Drops the filter parameter, so every search lists the whole tenant.</summary>
        IgnoresFilters,
    }

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private BrokenScimProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public Uri Uri { get; private set; } = null!;

    public static async Task<BrokenScimProxy> StartAsync(Uri edge, Breakage breakage)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new HttpClient { BaseAddress = edge, Timeout = TimeSpan.FromSeconds(30) };
        var proxy = new BrokenScimProxy(app, upstream);
        app.Run(context => proxy.ForwardAsync(context, breakage));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        proxy.Uri = new Uri(address);
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context, Breakage breakage)
    {
        var query = context.Request.QueryString.Value ?? "";
        if (breakage == Breakage.IgnoresFilters)
        {
            query = string.Join("&", query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !p.StartsWith("filter=", StringComparison.OrdinalIgnoreCase)));
            query = query.Length == 0 ? "" : "?" + query;
        }
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + query);
        if (context.Request.ContentLength > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            request.Content = new ByteArrayContent(buffer.ToArray());
            if (context.Request.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }
        foreach (var (name, values) in context.Request.Headers)
        {
            if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }
        using var response = await _upstream.SendAsync(request, context.RequestAborted);
        var status = (int)response.StatusCode;
        context.Response.StatusCode = breakage == Breakage.CreateAnswers200 && status == (int)HttpStatusCode.Created ? 200 : status;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || (breakage == Breakage.DropsETag && header.Key.Equals("ETag", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
