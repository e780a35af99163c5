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

    /// <summary>The method names (e.g. "ReplaceUser") received so far, oldest first.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public void Clear() => _calls.Clear();

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        _calls.Enqueue(context.Method[(context.Method.LastIndexOf('/') + 1)..]);
        return continuation(request, context);
    }
}
