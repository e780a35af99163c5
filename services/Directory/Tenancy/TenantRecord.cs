namespace Identity.Directory.Tenancy;

public sealed record TenantRecord(string Id, string DisplayName, DateTimeOffset Created, string IdpProfile, bool LenientAttributes);
