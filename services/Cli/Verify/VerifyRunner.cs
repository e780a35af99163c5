using Identity.Cli.Replay;

namespace Identity.Cli.Verify;

/// <summary>
/// The checks of one verify run: discovery first, then every sequence of each chosen IdP, each with
/// its own ${run} names and followed by the deletion of whatever it created, pass or fail.
/// </summary>
internal sealed class VerifyRunner(HttpClient http, string baseUrl, string token, bool verbose)
{
    public static int CountChecks(IReadOnlyList<string> idps) => 1 + idps.Sum(idp => FixtureCatalog.ForIdp(idp).Count);

    public async Task<IReadOnlyList<VerifyResult>> RunAsync(IReadOnlyList<string> idps, Action<string> advance, CancellationToken cancellationToken)
    {
        var probe = new ScimProbe(http, baseUrl, token);
        var results = new List<VerifyResult>(await DiscoveryChecks.RunAsync(probe, cancellationToken));
        advance("discovery");
        foreach (var idp in idps)
        {
            foreach (var name in FixtureCatalog.ForIdp(idp))
            {
                results.AddRange(await RunFixtureAsync(probe, ReplayFixture.Load(name), cancellationToken));
                advance(name);
            }
        }
        return results;
    }

    private async Task<IReadOnlyList<VerifyResult>> RunFixtureAsync(ScimProbe probe, ReplayFixture fixture, CancellationToken cancellationToken)
    {
        var check = fixture.Name[..^".json".Length];
        var engine = new ReplayEngine(http, baseUrl, token) { CheckWholeTenantCounts = await IsEmptyAsync(probe, cancellationToken) };
        ReplayOutcome? outcome = null;
        IReadOnlyList<string> leftovers;
        try
        {
            outcome = await engine.RunAsync(fixture, cancellationToken);
        }
        finally
        {
            // Even when the run was stopped: what it created must not stay in the customer's tenant.
            leftovers = await engine.CleanUpAsync(CancellationToken.None);
        }
        var rows = new List<VerifyResult>();
        if (verbose)
        {
            rows.AddRange(outcome.Steps.Select(s => Row(check, fixture.Idp, s)));
        }
        else if (outcome.FirstFailure is { } failure)
        {
            rows.Add(Row(check, fixture.Idp, failure));
        }
        else
        {
            var unchecked_ = outcome.Steps.Count(s => s.WholeTenantUnchecked);
            rows.Add(new VerifyResult(check, fixture.Idp, $"all {outcome.Steps.Count} steps", "as the IdP documents",
                unchecked_ == 0 ? "as the IdP documents" : $"as documented; {unchecked_} whole-tenant count(s) not judged: the tenant holds other resources", true));
        }
        if (leftovers.Count > 0)
        {
            rows.Add(new VerifyResult(check, fixture.Idp, "cleanup", "every user and group it created deleted", string.Join("; ", leftovers), false));
        }
        return rows;
    }

    private static async Task<bool> IsEmptyAsync(ScimProbe probe, CancellationToken cancellationToken)
    {
        try
        {
            return await probe.TenantIsEmptyAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static VerifyResult Row(string check, string idp, ReplayStepResult step) => new(check, idp, step.Step + (step.Request.Length > 0 ? $" ({step.Request})" : ""),
        step.Expected, step.Passed && step.WholeTenantUnchecked ? step.Got + " (count not judged: tenant not empty)" : step.Got, step.Passed);
}
