using System.Reflection;
using Xunit.Sdk;

namespace Identity.TestKit.ServerLogs;

/// <summary>
/// Applied to a whole test assembly (<c>[assembly: FailOnServerErrors]</c>): a test fails when a
/// server in the process logs an Error or Critical event, or a task exception goes unobserved,
/// while it runs, unless the test declared it through <see cref="ServerErrorLog.Allow(string, string?, Type?)"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FailOnServerErrorsAttribute : BeforeAfterTestAttribute
{
    // xUnit calls Before and After on the same instance, one test at a time.
    private long _start;

    public FailOnServerErrorsAttribute() => ServerErrorLog.EnsureListening();

    public override void Before(MethodInfo methodUnderTest)
    {
        ServerErrorLog.EnsureListening();
        _start = ServerErrorLog.Mark();
    }

    public override void After(MethodInfo methodUnderTest)
    {
        var unexpected = ServerErrorLog.TakeUnexpectedSince(_start);
        if (unexpected.Count > 0)
        {
            // Test collections run in parallel, so an entry may come from a neighbour running at the same time.
            throw new InvalidOperationException(
                $"A server logged {unexpected.Count} unexpected error(s) while {methodUnderTest.DeclaringType?.Name}.{methodUnderTest.Name} ran "
                + "(declare a deliberate one with ServerErrorLog.Allow):" + Environment.NewLine
                + string.Join(Environment.NewLine, unexpected.Select(e => "  " + e)));
        }
    }
}
