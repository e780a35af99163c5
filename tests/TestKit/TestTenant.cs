namespace Identity.TestKit;

/// <summary>Every test makes its own tenant, so tests never see each other's data.</summary>
public static class TestTenant
{
    public static string New() => "test-" + Guid.NewGuid().ToString("N")[..16];
}
