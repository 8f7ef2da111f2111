using System.Diagnostics.Metrics;

namespace Pipeline.Serving.Metrics;

/// <summary>
/// One host's <c>Pipeline.Serving</c> meter. Several hosts can run in one process (tests, the simulation), and a
/// meter provider subscribes to meters by name, so each host's provider keeps only the instruments of its own meter
/// (see <see cref="IsForeign"/>).
/// </summary>
internal sealed class ServingMeter : IDisposable
{
    /// <summary>The meter (its scope is this object).</summary>
    public Meter Meter { get; }

    /// <summary>Creates the meter.</summary>
    public ServingMeter() => Meter = new Meter(new MeterOptions(ServingTelemetry.Name) { Scope = this });

    /// <summary>True when <paramref name="instrument"/> belongs to another host's <c>Pipeline.Serving</c> meter.</summary>
    public bool IsForeign(Instrument instrument) => instrument.Meter.Name == ServingTelemetry.Name && !ReferenceEquals(instrument.Meter.Scope, this);

    /// <inheritdoc/>
    public void Dispose() => Meter.Dispose();
}
