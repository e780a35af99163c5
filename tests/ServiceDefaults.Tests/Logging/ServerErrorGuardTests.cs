using System.Net;
using Identity.ServiceDefaults.Hosting;
using Identity.ServiceDefaults.Options;
using Identity.TestKit;
using Identity.TestKit.ServerLogs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Identity.ServiceDefaults.Tests.Logging;

/// <summary>The TestKit guard hears a real host's error logs through the logging EventSource ServiceDefaults adds.</summary>
public sealed class ServerErrorGuardTests
{
    private const string Category = "Identity.GuardProbe";

    private static WebApplication Build()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddIdentityDefaults("guard-probe", ServiceProtocol.Http);
        var app = builder.Build();
        app.MapGet("/fail/{marker}", (string marker, ILoggerFactory loggers) =>
        {
            loggers.CreateLogger(Category).LogError(new InvalidOperationException("probe " + marker), "Probe failure {Marker}", marker);
            return Results.StatusCode(500);
        });
        app.MapGet("/crash", () => { throw new InvalidOperationException("unhandled probe"); });
        return app;
    }

    [Fact]
    public async Task Allow_MatchingError_CountsItAndKeepsItFromFailingTheTest()
    {
        await using var service = await LoopbackService.StartAsync(Build());
        var marker = Guid.NewGuid().ToString("N");
        using var allowed = ServerErrorLog.Allow(Category, exceptionType: typeof(InvalidOperationException));

        var response = await service.MainClient.GetAsync(new Uri("/fail/" + marker, UriKind.Relative)).WithTimeout();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, allowed.Hits);
    }

    [Fact]
    public async Task UndeclaredError_IsRecordedAsUnexpected_WithCategoryMessageAndException()
    {
        await using var service = await LoopbackService.StartAsync(Build());
        var marker = Guid.NewGuid().ToString("N");
        var mark = ServerErrorLog.Mark();

        await service.MainClient.GetAsync(new Uri("/fail/" + marker, UriKind.Relative)).WithTimeout();

        // Taken here, so this test (which provokes it) does not fail; the guard would take it otherwise.
        var entry = Assert.Single(ServerErrorLog.TakeUnexpectedSince(mark), e => e.Message.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(Category, entry.Category);
        Assert.Equal("Error", entry.Level);
        Assert.Equal(typeof(InvalidOperationException).FullName, entry.ExceptionType);
        Assert.Equal("probe " + marker, entry.ExceptionMessage);
    }

    [Fact]
    public async Task UnhandledRequestException_IsHeard()
    {
        await using var service = await LoopbackService.StartAsync(Build());
        using var allowed = ServerErrorLog.Allow("Microsoft.AspNetCore", "unhandled probe");

        var response = await service.MainClient.GetAsync(new Uri("/crash", UriKind.Relative)).WithTimeout();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(allowed.Hits >= 1, "the unhandled exception's error log was not heard");
    }

    [Fact]
    public void Allow_WithoutMessageOrException_IsRefusedAsTooBroad()
    {
        Assert.Throws<ArgumentException>(() => ServerErrorLog.Allow(Category));
    }
}
