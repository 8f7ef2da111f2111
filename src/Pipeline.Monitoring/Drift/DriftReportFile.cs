using System.Text;

namespace Pipeline.Monitoring.Drift;

/// <summary>Writes a <see cref="DriftReport"/> to disk (e.g. reports/drift.json) atomically.</summary>
public static class DriftReportFile
{
    /// <summary>Writes the canonical JSON to a temp file beside <paramref name="path"/>, then renames it into place.</summary>
    public static void Write(DriftReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllText(temp, report.ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, full, overwrite: true);
    }
}
