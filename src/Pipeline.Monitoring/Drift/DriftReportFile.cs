using Pipeline.Formats.IO;

namespace Pipeline.Monitoring.Drift;

/// <summary>Writes a <see cref="DriftReport"/> to disk (e.g. reports/drift.json) atomically.</summary>
public static class DriftReportFile
{
    /// <summary>Writes the canonical JSON to a temp file beside <paramref name="path"/>, then renames it into place.</summary>
    public static void Write(DriftReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        AtomicFile.WriteAllText(path, report.ToJson());
    }
}
