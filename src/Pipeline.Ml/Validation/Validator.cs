using System.Globalization;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;
using Pipeline.Formats.IO;

namespace Pipeline.Ml.Validation;

/// <summary>
/// The Validate stage: infers data/schema.yaml on the first run, checks the snapshot against it, splits rows into
/// validated and quarantined files (never dropping one), writes the reports and fails on error-severity findings.
/// </summary>
public static class Validator
{
    /// <summary>
    /// Runs the stage; throws <see cref="ValidationException"/> after writing every output when a finding is an error, and
    /// <see cref="OperationCanceledException"/> (validated and quarantine files not written) when <paramref name="cancellation"/> is cancelled.
    /// </summary>
    public static ValidationReport Run(ValidationOptions options, CancellationToken cancellation = default)
    {
        var notes = new List<string>();
        var interactions = options.Interactions is { } recommendation ? InteractionChecks.Scan(options.SnapshotPath, recommendation, cancellation) : null;
        IReadOnlyList<string> columns;
        using (var first = new CsvSnapshotReader(options.SnapshotPath)) columns = first.Header;
        var (inference, keyNote) = SchemaSource.WithKeyOf(options.Inference, columns);
        var existing = File.Exists(options.SchemaPath) ? SchemaFile.Read(options.SchemaPath) : null;
        var otherSource = existing is null ? null : SchemaSource.OtherSource(existing, columns, options.SchemaPath);
        var inferred = existing is null || otherSource is not null;
        if (otherSource is not null) notes.Add(otherSource);
        if (inferred && keyNote is not null) notes.Add(keyNote);
        var keys = new KeyHashes();
        var schema = inferred
            ? SchemaInference.Infer(options.SnapshotPath, options.Label, options.Task, inference, keys)
            : existing!;
        if (inferred) SchemaFile.Write(options.SchemaPath, schema);
        // NOTE: the key hashes come from the inference pass when there is one, else from a pass over the key column only.
        var repeatedKeys = schema.Key is not { } key ? new HashSet<ulong>()
            : inferred ? keys.Repeated()
            : KeyHashes.Scan(options.SnapshotPath, key);

        var streamRun = options.StreamPositionPath is { } position
            ? StreamRunSection.Open(position, options.StreamRejectedPath, options.SnapshotPath)
            : null;
        using var reader = new CsvSnapshotReader(options.SnapshotPath);
        var header = SnapshotHeader.Parse(options.SnapshotPath, reader.Header);
        var tally = new FindingTally(options);
        var checker = new RowChecker(schema, header, options, repeatedKeys);
        long rows = 0, validated = 0, quarantined = 0;
        using (var good = new CsvSnapshotWriter(options.ValidatedPath, [.. schema.Columns.Select(c => c.Name)]))
        using (var bad = new CsvSnapshotWriter(options.QuarantinePath, [.. header.Names, "_reason"]))
        {
            // NOTE: raw rows, so a row with the wrong field count is quarantined as malformed_row instead of failing the stage.
            while (reader.ReadRawRow() is { } fields)
            {
                if ((rows & 1023) == 0) cancellation.ThrowIfCancellationRequested();
                var reasons = Check(reader.RowLine, fields, header, checker, tally);
                streamRun?.Count(rows, quarantined: reasons is not null);
                rows++;
                if (reasons is null) { good.WriteRow(checker.Project(fields)); validated++; }
                else { bad.WriteRow([.. Fit(fields, header.Names.Count), reasons]); quarantined++; }
            }
            good.Complete();
            bad.Complete();
        }

        var findings = DatasetChecks.Columns(schema, header, options)
            .Concat(tally.Findings())
            .Concat(DatasetChecks.NullRates(schema, checker.Nulls, rows, options))
            .Concat(DatasetChecks.LabelShift(schema, checker.LabelCounts, options))
            .OrderBy(f => f.Check)
            .ToList();
        var report = new ValidationReport(Path.GetFileName(options.SnapshotPath), rows, validated, quarantined, inferred)
        {
            Findings = findings,
            Severities = Enum.GetValues<ValidationCheck>().ToDictionary(c => c, options.SeverityOf),
            StreamRun = streamRun?.Section(),
            Notes = [.. notes, .. interactions?.Notes() ?? []],
            Interactions = interactions,
            SchemaReplaced = otherSource is not null,
        };
        AtomicFile.WriteAllText(options.ReportJsonPath, ValidationReportFormat.Json(report));
        AtomicFile.WriteAllText(options.ReportTextPath, report.Table);
        return report.Passed ? report : throw new ValidationException(report, options.ReportJsonPath);
    }

    /// <summary>Null when the row passes; else the quarantine reason (line, check, column, value per failure).</summary>
    private static string? Check(long line, string?[] fields, SnapshotHeader header, RowChecker checker, FindingTally tally)
    {
        var where = $"line {line.ToString(CultureInfo.InvariantCulture)}";
        if (fields.Length != header.Names.Count)
        {
            var extra = fields.Length > header.Names.Count ? $"; extra fields: {string.Join(",", fields.Skip(header.Names.Count))}" : "";
            var message = $"{fields.Length} fields, header has {header.Names.Count}";
            tally.Add(ValidationCheck.MalformedRow, -1, null, where, "the field count differs from the header's; quote fields that contain commas");
            return $"{where}: malformed_row ({message}{extra})";
        }
        var failures = checker.Check(checker.Project(fields));
        foreach (var f in failures)
            tally.Add(f.Check, f.Order, f.Column, $"{where}: {Quote(f.Value)}", Describe(f.Check));
        var quarantining = failures.Where(f => f.Quarantines).ToList();
        return quarantining.Count == 0
            ? null
            : string.Join("; ", quarantining.Select(f => f.Check == ValidationCheck.MissingLabel
                ? $"{where}: missing_label: label '{f.Column}' is empty"
                : $"{where}: {ValidationCheckNames.Of(f.Check)} in '{f.Column}': {Quote(f.Value)}"));
    }

    private static string?[] Fit(string?[] fields, int width) =>
        fields.Length == width ? fields : [.. fields.Take(width), .. Enumerable.Repeat<string?>(null, Math.Max(0, width - fields.Length))];

    private static string Quote(string? value) => value is null ? "(missing)" : $"\"{value}\"";

    private static string Describe(ValidationCheck check) => check switch
    {
        ValidationCheck.TypeError => "values that cannot be read as the column's kind",
        ValidationCheck.OutOfRange => "values outside the schema's [min, max]",
        ValidationCheck.UnseenCategory => "categories not in the schema's domain",
        ValidationCheck.NullInNonNullable => "missing values in a column the schema marks non-nullable",
        ValidationCheck.DuplicateKey => "key values seen before",
        ValidationCheck.UnknownLabelClass => "label values that are not schema classes",
        ValidationCheck.MissingLabel => "rows whose label is empty (quarantined, never trained on; feedback rows wait for their label)",
        _ => ValidationCheckNames.Of(check),
    };
}
