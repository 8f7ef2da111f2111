using System.Globalization;
using System.Text.Json;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Reference;

/// <summary>
/// Reads the row sample of a reference profile (Featurize's profile.json, as registered with a model version) as plain
/// JSON into a <see cref="DriftDataset"/>: numeric columns as numbers, date columns left out (as for a CSV reference),
/// the rest as labels.
/// </summary>
internal static class ProfileSampleReader
{
    /// <summary>The sample and the profile's row count; null when the profile has no sample (written before samples existed).</summary>
    public static (DriftDataset Sample, long ProfiledRows)? Read(string profilePath)
    {
        if (!File.Exists(profilePath)) throw new FileNotFoundException($"Reference profile '{profilePath}' does not exist.", profilePath);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(profilePath));
            var root = document.RootElement;
            if (!root.TryGetProperty("sample", out var sample) || sample.ValueKind != JsonValueKind.Object) return null;
            var kinds = root.GetProperty("columns").EnumerateArray()
                .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("kind").GetString(), StringComparer.Ordinal);
            var names = sample.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
            var rows = sample.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()).ToArray()).ToArray();
            var columns = names.Select((name, i) => (name, i, kind: kinds.GetValueOrDefault(name)))
                .Where(c => c.kind != "date")
                .Select(c => c.kind == "numeric"
                    ? DatasetColumn.Numeric(c.name, rows.Select(r => Number(r[c.i])).ToArray())
                    : DatasetColumn.Categorical(c.name, rows.Select(r => r[c.i] is { Length: > 0 } s ? s : null).ToArray()));
            return (new DriftDataset(columns), root.GetProperty("row_count").GetInt64());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{profilePath}: not a reference profile with a row sample ({e.Message}). Re-run Featurize (and Deploy to register it) to write it again.", e);
        }
    }

    private static double? Number(string? cell) =>
        cell is { Length: > 0 } && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
