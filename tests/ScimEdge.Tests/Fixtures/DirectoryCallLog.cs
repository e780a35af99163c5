using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Identity.ScimEdge.Tests.Fixtures;

/// <summary>
/// A server interceptor in a real Directory that records every unary call by method name, in
/// arrival order, so a test can count what one SCIM request cost downstream.
/// </summary>
public sealed class DirectoryCallLog : Interceptor
{
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentQueue<string> _requests = new();

    /// <summary>The method names (e.g. "ReplaceUser") received so far, oldest first.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>Every request message received, as protobuf JSON text, so a test can assert what never reached Directory.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public void Clear()
    {
        _calls.Clear();
        _requests.Clear();
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        _calls.Enqueue(context.Method[(context.Method.LastIndexOf('/') + 1)..]);
        _requests.Enqueue(request.ToString() ?? "");
        return continuation(request, context);
    }
}
