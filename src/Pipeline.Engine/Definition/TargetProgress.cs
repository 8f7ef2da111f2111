namespace Pipeline.Engine;

/// <summary>
/// How far a running target is, told to <see cref="ITargetContext.Progress"/>: <see cref="Done"/> of
/// <see cref="Total"/> <see cref="Unit"/> (e.g. 5 of 16 trials; no total for rows read from a source of unknown
/// size). The engine adds the elapsed time and a remaining estimate, shows it on the terminal (one updating line) or
/// as plain lines when output is redirected, and in the live run record the web UI shows.
/// </summary>
/// <param name="Done">Units finished so far.</param>
/// <param name="Total">Units in all, when known.</param>
/// <param name="Unit">What is counted, plural (<c>trials</c>, <c>rows read</c>).</param>
public sealed record TargetProgress(long Done, long? Total, string Unit)
{
    /// <summary>Share of the work done (0..1) when units differ in cost (a trial on all rows costs more than one on a quarter); <see cref="Done"/>/<see cref="Total"/> otherwise.</summary>
    public double? Fraction { get; init; }

    /// <summary>The best result so far, as text (e.g. <c>auc 0.9156 (LightGbm, trial 4)</c>).</summary>
    public string? Best { get; init; }

    /// <summary>What just finished, as one line (e.g. <c>trial 7 (rung 0, FastTree): auc 0.9012</c>); the live record keeps the recent ones.</summary>
    public string? Step { get; init; }
}
