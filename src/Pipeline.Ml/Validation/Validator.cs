using System.Globalization;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Validation;

/// <summary>
/// The Validate stage: infers data/schema.yaml on the first run, checks the snapshot against it, splits rows into
/// validated and quarantined files (never dropping one), writes the reports and fails on error-severity findings.
/// </summary>
public static class Validator
{
    /// <summary>Runs the stage; throws <see cref="ValidationException"/> after writing every output when a finding is an error.</summary>
    public static ValidationReport Run(ValidationOptions options)
    {
        var inferred = !File.Exists(options.SchemaPath);
        var schema = inferred
            ? SchemaInference.Infer(options.SnapshotPath, options.Label, options.Task, options.Inference)
            : SchemaFile.Read(options.SchemaPath);
        if (inferred) SchemaFile.Write(options.SchemaPath, schema);

        using var records = CsvRows.Read(options.SnapshotPath).GetEnumerator();
        if (!records.MoveNext()) throw new InvalidDataException($"{options.SnapshotPath}: the snapshot is empty; expected a header row.");
        var header = SnapshotHeader.Parse(options.SnapshotPath, records.Current);
        var tally = new FindingTally(options);
        var checker = new RowChecker(schema, header, options);
        long rows = 0, validated = 0, quarantined = 0;

        var validatedTemp = options.ValidatedPath + ".tmp";
        var quarantineTemp = options.QuarantinePath + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(validatedTemp))!);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(quarantineTemp))!);
            using (var good = CsvRows.CreateWriter(validatedTemp))
            using (var bad = CsvRows.CreateWriter(quarantineTemp))
            {
                CsvRows.Write(good, [.. schema.Columns.Select(c => c.Name)]);
                CsvRows.Write(bad, [.. header.Names, "_reason"]);
                while (records.MoveNext())
                {
                    rows++;
                    var record = records.Current;
                    var reasons = Check(record, header, checker, tally);
                    if (reasons is null) { CsvRows.Write(good, checker.Project(record.Fields)); validated++; }
                    else { CsvRows.Write(bad, [.. Fit(record.Fields, header.Names.Count), reasons]); quarantined++; }
                }
            }
            File.Move(validatedTemp, options.ValidatedPath, overwrite: true);
            File.Move(quarantineTemp, options.QuarantinePath, overwrite: true);
        }
        finally
        {
            if (File.Exists(validatedTemp)) File.Delete(validatedTemp);
            if (File.Exists(quarantineTemp)) File.Delete(quarantineTemp);
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
        };
        OutputFile.WriteText(options.ReportJsonPath, ValidationReportFormat.Json(report));
        OutputFile.WriteText(options.ReportTextPath, report.Table);
        return report.Passed ? report : throw new ValidationException(report, options.ReportJsonPath);
    }

    /// <summary>Null when the row passes; else the quarantine reason (line, check, column, value per failure).</summary>
    private static string? Check(CsvRecord record, SnapshotHeader header, RowChecker checker, FindingTally tally)
    {
        var where = $"line {record.Line.ToString(CultureInfo.InvariantCulture)}";
        if (record.Fields.Length != header.Names.Count)
        {
            var extra = record.Fields.Length > header.Names.Count ? $"; extra fields: {string.Join(",", record.Fields.Skip(header.Names.Count))}" : "";
            var message = $"{record.Fields.Length} fields, header has {header.Names.Count}";
            tally.Add(ValidationCheck.MalformedRow, -1, null, where, "the field count differs from the header's; quote fields that contain commas");
            return $"{where}: malformed_row ({message}{extra})";
        }
        var failures = checker.Check(checker.Project(record.Fields));
        foreach (var f in failures)
            tally.Add(f.Check, f.Order, f.Column, $"{where}: {Quote(f.Value)}", Describe(f.Check));
        var quarantining = failures.Where(f => f.Quarantines).ToList();
        return quarantining.Count == 0
            ? null
            : string.Join("; ", quarantining.Select(f => $"{where}: {ValidationCheckNames.Of(f.Check)} in '{f.Column}': {Quote(f.Value)}"));
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
        _ => ValidationCheckNames.Of(check),
    };
}
