using System.Globalization;
using Pipeline.Formats.Columns;
using Pipeline.Formats.Profiles;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Reference;

/// <summary>
/// Reads the row sample of a reference profile (Featurize's profile.json, as registered with a model version; the
/// format's one reader is <see cref="ReferenceProfile.Load"/>) into a <see cref="DriftDataset"/>: numeric columns as numbers, date columns left out (as for a CSV reference),
/// text columns as texts, the rest as categorical labels.
/// </summary>
internal static class ProfileSampleReader
{
    /// <summary>The sample and the profile's row count; null when the profile has no sample (written before samples existed).</summary>
    public static (DriftDataset Sample, long ProfiledRows)? Read(string profilePath)
    {
        if (!File.Exists(profilePath)) throw new FileNotFoundException($"Reference profile '{profilePath}' does not exist.", profilePath);
        var profile = ReferenceProfile.Load(profilePath);
        if (profile.Sample is not { } sample) return null;
        var kinds = profile.Columns.ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);
        var columns = sample.Columns.Select((name, i) => (name, i, kind: kinds.GetValueOrDefault(name, ColumnKind.Categorical)))
            .Where(c => c.kind != ColumnKind.Date)
            .Select(c => c.kind == ColumnKind.Numeric
                ? DatasetColumn.Numeric(c.name, sample.Rows.Select(r => Number(r[c.i])).ToArray())
                : DatasetColumn.Categorical(c.name, sample.Rows.Select(r => r[c.i] is { Length: > 0 } s ? s : null).ToArray(), Labelled(c.kind)));
        return (new DriftDataset(columns), profile.RowCount);
    }

    // NOTE: free text keeps its kind (it drifts by the domain classifier, not by string equality); every other kind of
    // label is compared as categories, as before (a Boolean cell is kept as spelled in train.csv).
    private static ColumnKind Labelled(ColumnKind kind) => kind == ColumnKind.Text ? ColumnKind.Text : ColumnKind.Categorical;

    private static double? Number(string? cell) =>
        cell is { Length: > 0 } && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
