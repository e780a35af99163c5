using Identity.Directory.Grpc;
using Contract = Identity.Contracts.Directory.V1;
using Domain = Identity.Directory;

namespace Identity.Directory.Tests.Grpc;

/// <summary>
/// Every domain enum value has its contract value and every contract value is reached, so a
/// value added to a proto (or to the domain) without its mapping fails here, not on the wire.
/// </summary>
public sealed class EnumMappingTests
{
    [Fact]
    public void UserOrigin_MapsOneToOneOntoTheContract() =>
        AssertBijective<Domain.Users.UserOrigin, Contract.UserOrigin>(EnumMapping.ToContract, contractOnly: []);

    [Fact]
    public void AuditAction_MapsOneToOneOntoTheContract() =>
        AssertBijective<Domain.Auditing.AuditAction, Contract.AuditAction>(EnumMapping.ToContract, contractOnly: []);

    [Fact]
    public void UserChangeType_MapsOneToOneOntoTheContractButCaughtUp() =>
        // CaughtUp is made by the gRPC layer at the end of a replay; no logged event carries it.
        AssertBijective<Domain.Auditing.UserChangeType, Contract.UserChangeType>(EnumMapping.ToContract, contractOnly: [Contract.UserChangeType.CaughtUp]);

    [Fact]
    public void ToContract_UndefinedDomainValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Domain.Auditing.AuditAction)99).ToContract());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Domain.Users.UserOrigin)99).ToContract());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Domain.Auditing.UserChangeType)99).ToContract());
    }

    [Fact]
    public void DomainEnums_KeepTheNumbersTheStoresPersist()
    {
        // SQLite and MongoDB store these as integers, and the JIT partial indexes select origin = 2
        // (SqliteSchema, MongoDirectoryDatabase): a renumbering would misread every stored row.
        Assert.Equal(2, (int)Domain.Users.UserOrigin.Jit);
        Assert.Equal(1, (int)Domain.Users.UserOrigin.Scim);
        Assert.Equal(
            [(0, "Unspecified"), (1, "UserCreated"), (2, "UserReplaced"), (3, "UserDeleted"), (4, "UserAdopted"), (5, "UserJitCreated"),
             (6, "UserJitUpdated"), (7, "TenantCreated"), (8, "TenantUpdated"), (9, "TokenIssued"), (10, "TokenRevoked"), (11, "GroupChanged")],
            Enum.GetValues<Domain.Auditing.AuditAction>().Select(a => ((int)a, a.ToString())));
        Assert.Equal(
            [(0, "Unspecified"), (1, "Created"), (2, "Updated"), (3, "Deactivated"), (4, "Reactivated"), (5, "Deleted"), (6, "Adopted")],
            Enum.GetValues<Domain.Auditing.UserChangeType>().Select(c => ((int)c, c.ToString())));
    }

    private static void AssertBijective<TDomain, TContract>(Func<TDomain, TContract> toContract, TContract[] contractOnly)
        where TDomain : struct, Enum
        where TContract : struct, Enum
    {
        var mapped = Enum.GetValues<TDomain>().Select(d => (Domain: d, Contract: toContract(d))).ToList();

        // Same name on both sides: the mapping pairs Jit with Jit, not with a neighbour.
        Assert.All(mapped, m => Assert.Equal(m.Domain.ToString(), m.Contract.ToString()));
        Assert.Equal(mapped.Count, mapped.Select(m => m.Contract).Distinct().Count());
        var unreached = Enum.GetValues<TContract>().Except(mapped.Select(m => m.Contract)).Except(contractOnly);
        Assert.Empty(unreached);
    }
}
