using Identity.Directory.Grpc;
using Identity.Directory.Users;

namespace Identity.Directory.Tests.Architecture;

/// <summary>
/// Directory's domain and storage do not depend on the generated contract: only
/// <c>Identity.Directory.Grpc</c> (and the types nested in it, which includes the closures and
/// state machines the compiler makes for its methods) may name a type from <c>Identity.Contracts</c>.
/// Nested compiler-generated types report the namespace of the type they belong to, so a lambda
/// in <c>UserDirectory</c> is held to the domain's rule.
/// </summary>
public sealed class DomainContractBoundaryTests
{
    private const string GrpcNamespace = "Identity.Directory.Grpc";

    [Fact]
    public void TypesOutsideGrpc_ReferenceNoContractType()
    {
        var violations = typeof(StoredUser).Assembly.GetTypes()
            .Where(t => !InGrpc(t))
            .SelectMany(t => TypeReferences.Of(t).Where(r => IsContract(r.Referenced)).Select(r => $"{t.FullName} ({r.Site}) -> {r.Referenced.FullName}"))
            .Distinct()
            .ToList();

        Assert.True(violations.Count == 0, "Contract types used outside Grpc/:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Scanner_FindsContractTypesInGrpcSignaturesAndBodies()
    {
        // The boundary test passes on an empty answer, so prove the scanner sees what it must refuse.
        var references = TypeReferences.Of(typeof(DirectoryGrpcService)).Where(r => IsContract(r.Referenced)).ToList();

        Assert.Contains(references, r => r.Referenced == typeof(Contracts.Directory.V1.GetUserRequest) && r.Site == "method GetUser");
        Assert.Contains(references, r => r.Referenced == typeof(Contracts.Directory.V1.DirectoryService.DirectoryServiceBase) && r.Site == "base type");
    }

    [Fact]
    public void Scanner_FindsContractTypeUsedOnlyInsideALambda()
    {
        var nested = typeof(LambdaOnlyUse).GetNestedTypes(System.Reflection.BindingFlags.NonPublic).Prepend(typeof(LambdaOnlyUse));

        var references = nested.SelectMany(TypeReferences.Of).Select(r => r.Referenced);

        Assert.Contains(typeof(Contracts.Directory.V1.User), references);
    }

    private static bool InGrpc(Type type) =>
        type.Namespace is { } ns && (ns == GrpcNamespace || ns.StartsWith(GrpcNamespace + ".", StringComparison.Ordinal));

    private static bool IsContract(Type type) =>
        type.Namespace is { } ns && (ns == "Identity.Contracts" || ns.StartsWith("Identity.Contracts.", StringComparison.Ordinal));

    // A contract type named only in a closure's body: no field, signature or local of this type mentions it.
    private static class LambdaOnlyUse
    {
        public static Func<int, string> Names() => n => new Contracts.Directory.V1.User { UserName = n.ToString() }.UserName;
    }
}
