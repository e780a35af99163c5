using Identity.ScimEdge.Tests.Architecture.Samples.Called;

namespace Identity.ScimEdge.Tests.Architecture.Samples.Calling;

/// <summary>Uses <see cref="Callee"/> only inside a method body, where a signature-only scan would not look.</summary>
public static class Caller
{
    public static int Call()
    {
        var callee = new Callee();
        return callee.GetHashCode();
    }
}
