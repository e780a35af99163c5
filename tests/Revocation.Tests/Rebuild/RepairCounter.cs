using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Identity.Revocation.Reconciliation;
using Identity.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Revocation.Tests.Rebuild;

/// <summary>
/// Listens to the repair counter of one Revocation instance (its meters are scoped to its own
/// <see cref="IMeterFactory"/>, so parallel tests do not count into each other).
/// </summary>
internal sealed class RepairCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);

    public RepairCounter(LoopbackService revocation)
    {
        var factory = revocation.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RepairMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory)
                && instrument.Name == "identity.revocation.reconciler.repairs")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "kind")
                {
                    _byKind.AddOrUpdate((string)tag.Value!, value, (_, total) => total + value);
                }
            }
        });
        _listener.Start();
    }

    public long Of(string kind) => _byKind.GetValueOrDefault(kind);

    public void Dispose() => _listener.Dispose();
}
