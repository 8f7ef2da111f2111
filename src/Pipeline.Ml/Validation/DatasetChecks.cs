using System.Globalization;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Validation;

/// <summary>The dataset-level checks: missing/extra columns, null-rate jumps and label shift.</summary>
internal static class DatasetChecks
{
    /// <summary>Schema columns absent from the header, and header columns absent from the schema.</summary>
    public static IEnumerable<ValidationFinding> Columns(DatasetSchema schema, SnapshotHeader header, ValidationOptions options)
    {
        foreach (var column in schema.Columns.Where(c => !header.Names.Contains(c.Name)))
            yield return new ValidationFinding(ValidationCheck.MissingColumn, options.SeverityOf(ValidationCheck.MissingColumn), column.Name, 1,
                $"column '{column.Name}' is in the schema but not in the snapshot; its values are passed on as missing");
        foreach (var name in header.Names.Where(n => schema.Columns.All(c => c.Name != n)))
            yield return new ValidationFinding(ValidationCheck.ExtraColumn, options.SeverityOf(ValidationCheck.ExtraColumn), name, 1,
                $"column '{name}' is not in the schema; it is not passed on (add it to data/schema.yaml to keep it)");
    }

    /// <summary>Columns whose null rate rose above the reference by more than the threshold.</summary>
    public static IEnumerable<ValidationFinding> NullRates(DatasetSchema schema, long[] nulls, long rows, ValidationOptions options)
    {
        if (rows == 0) yield break;
        for (var i = 0; i < nulls.Length; i++)
        {
            var column = schema.Columns[i];
            var rate = (double)nulls[i] / rows;
            if (rate - column.NullRate > options.NullRateJumpThreshold)
                yield return new ValidationFinding(ValidationCheck.NullRateJump, options.SeverityOf(ValidationCheck.NullRateJump), column.Name, nulls[i],
                    string.Create(CultureInfo.InvariantCulture, $"null rate {rate:0.####} vs reference {column.NullRate:0.####} (threshold +{options.NullRateJumpThreshold})"));
        }
    }

    /// <summary>The total variation distance between the reference and current label distributions.</summary>
    public static IEnumerable<ValidationFinding> LabelShift(DatasetSchema schema, IReadOnlyDictionary<string, long> counts, ValidationOptions options)
    {
        var total = counts.Values.Sum();
        if (schema.Task.HasNumericLabel() || schema.LabelDistribution.Count == 0 || total == 0) yield break;
        var classes = schema.LabelDistribution.Keys.Union(counts.Keys);
        var distance = 0.5 * classes.Sum(c => Math.Abs(schema.LabelDistribution.GetValueOrDefault(c) - (double)counts.GetValueOrDefault(c) / total));
        if (distance > options.LabelShiftThreshold)
            yield return new ValidationFinding(ValidationCheck.LabelShift, options.SeverityOf(ValidationCheck.LabelShift), schema.Label, total,
                string.Create(CultureInfo.InvariantCulture, $"label distribution moved by total variation distance {distance:0.####} (threshold {options.LabelShiftThreshold})"))
            {
                Examples = [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={(double)c.Value / total:0.####}"))],
            };
    }
}
