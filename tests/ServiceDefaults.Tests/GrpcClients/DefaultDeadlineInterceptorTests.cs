using Grpc.Core;
using Grpc.Core.Interceptors;
using Identity.ServiceDefaults.GrpcClients;
using Microsoft.Extensions.Time.Testing;

namespace Identity.ServiceDefaults.Tests.GrpcClients;

public sealed class DefaultDeadlineInterceptorTests
{
    private static readonly Method<string, string> Method = new(
        MethodType.Unary, "pkg.Svc", "Get", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    private static DateTime? Intercept(DefaultDeadlineInterceptor interceptor, CallOptions options)
    {
        DateTime? seen = null;
        interceptor.AsyncUnaryCall("x", new ClientInterceptorContext<string, string>(Method, null, options), (_, context) =>
        {
            seen = context.Options.Deadline;
            return new AsyncUnaryCall<string>(Task.FromResult("y"), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        });
        return seen;
    }

    [Fact]
    public void UnaryCall_WithoutDeadline_GetsTheDefault()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var interceptor = new DefaultDeadlineInterceptor(time, TimeSpan.FromSeconds(5));

        var deadline = Intercept(interceptor, new CallOptions());

        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 5, DateTimeKind.Utc), deadline);
    }

    [Fact]
    public void UnaryCall_WithOwnDeadline_KeepsIt()
    {
        var interceptor = new DefaultDeadlineInterceptor(new FakeTimeProvider(), TimeSpan.FromSeconds(5));
        var own = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var deadline = Intercept(interceptor, new CallOptions(deadline: own));

        Assert.Equal(own, deadline);
    }
}
