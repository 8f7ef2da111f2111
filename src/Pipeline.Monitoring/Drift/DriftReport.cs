namespace Pipeline.Monitoring.Drift;

/// <summary>Drift of every column plus the dataset-level verdict; <see cref="ToJson"/> writes reports/drift.json.</summary>
public sealed record DriftReport
{
    /// <summary>Per-column results, ordered by column name (ordinal).</summary>
    public required IReadOnlyList<ColumnDrift> Columns { get; init; }

    /// <summary>Drifted columns / columns with sufficient data (0 when none had enough).</summary>
    public required double DriftShare { get; init; }

    /// <summary>True when <see cref="DriftShare"/> >= <see cref="DriftShareThreshold"/> and some column was tested.</summary>
    public required bool DatasetDrift { get; init; }

    /// <summary>The configured share that makes the dataset drift.</summary>
    public required double DriftShareThreshold { get; init; }

    /// <summary>Drifted column names, most important first (importance, then name).</summary>
    public required IReadOnlyList<string> DriftedColumns { get; init; }

    /// <summary>Canonical JSON: stable key order, invariant numbers, LF newlines, two-space indent.</summary>
    public string ToJson() => DriftReportJson.Write(this);
}
