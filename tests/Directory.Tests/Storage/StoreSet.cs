using Identity.Directory.Auditing;
using Identity.Directory.Tenancy;
using Identity.Directory.Users;

namespace Identity.Directory.Tests.Storage;

/// <summary>The three store interfaces of one provider, as the contract suite exercises them.</summary>
public sealed record StoreSet(IUserStore Users, ITenantStore Tenants, IEventLog Events);
