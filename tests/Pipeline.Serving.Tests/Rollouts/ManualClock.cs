namespace Pipeline.Serving.Tests.Rollouts;

/// <summary>A clock the test moves by hand (the canary's step clock).</summary>
internal sealed class ManualClock : TimeProvider
{
    private long ticks = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
