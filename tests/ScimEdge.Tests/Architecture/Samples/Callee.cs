using Identity.ScimEdge.Tests.Architecture.Samples.Calling;

namespace Identity.ScimEdge.Tests.Architecture.Samples.Called;

/// <summary>Names <see cref="Caller"/> in a property initializer, closing a cycle between the two namespaces.</summary>
public sealed class Callee
{
    public Func<int> Back { get; } = Caller.Call;
}
