using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Validation;

public sealed partial class ValidatorTests
{
    private const string Reference = "id,amount,merchant,label\n1,10,a,yes\n2,20,b,no\n3,30,a,yes\n4,40,b,no\n";

    private static ValidationOptions Options(TestDirectory dir, MlTask task = MlTask.Binary, string? key = "id", string label = "label") => new()
    {
        SnapshotPath = dir.Path("data/raw/t.csv"),
        SchemaPath = dir.Path("data/schema.yaml"),
        ValidatedPath = dir.Path("data/validated/t.csv"),
        QuarantinePath = dir.Path("data/quarantine/t.csv"),
        ReportJsonPath = dir.Path("reports/validation.json"),
        ReportTextPath = dir.Path("reports/validation.txt"),
        Label = label,
        Task = task,
        Inference = new InferenceOptions { Key = key },
    };

    /// <summary>Infers the schema from <see cref="Reference"/>, then validates <paramref name="current"/> against it.</summary>
    private static ValidationReport RunAgainstReference(TestDirectory dir, string current, ValidationOptions? options = null)
    {
        options ??= Options(dir);
        dir.Write("data/raw/t.csv", Reference);
        Validator.Run(options);
        dir.Write("data/raw/t.csv", current);
        return Validator.Run(options);
    }

    private static long DataLines(string path) => SnapshotRows.Read(path).Count;

    // NOTE: issue 17 item 6: the row loop stops on the stage's token.
    [Fact]
    public void Run_Cancelled_ThrowsWithoutValidatedOrQuarantineFile()
    {
        using var dir = new TestDirectory();
        dir.Write("data/raw/t.csv", SampleData.Csv(300, "binary"));
        var options = Options(dir);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Validator.Run(options, cancellation.Token));

        Assert.False(File.Exists(options.ValidatedPath));
        Assert.False(File.Exists(options.QuarantinePath));
        Assert.False(File.Exists(options.ReportJsonPath));
    }

    [Fact]
    public void Run_FirstRunOnCleanData_InfersSchemaAndPassesEveryRow()
    {
        using var dir = new TestDirectory();
        dir.Write("data/raw/t.csv", SampleData.Csv(300, "binary"));
        var options = Options(dir);

        var report = Validator.Run(options);

        Assert.True(report.SchemaInferred);
        Assert.True(File.Exists(options.SchemaPath));
        Assert.Empty(report.Findings);
        Assert.Equal(300, report.ValidatedRows);
        Assert.Equal(300, DataLines(options.ValidatedPath));
        Assert.Equal(0, DataLines(options.QuarantinePath));
        Assert.Contains("PASSED", File.ReadAllText(options.ReportTextPath));
        Assert.Equal("passed", JsonDocument.Parse(File.ReadAllText(options.ReportJsonPath)).RootElement.GetProperty("status").GetString());
        Assert.Empty(Directory.GetFiles(dir.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Run_RowLevelFailures_QuarantinesWithReasonAndKeepsEveryRow()
    {
        using var dir = new TestDirectory();
        var options = Options(dir) with { Severities = new Dictionary<ValidationCheck, FindingSeverity> { [ValidationCheck.UnseenCategory] = FindingSeverity.Error, [ValidationCheck.DuplicateKey] = FindingSeverity.Warning } };

        var current = "id,amount,merchant,label\n5,abc,a,yes\n6,,a,no\n7,15,zz,yes\n5,25,b,no\n8,35,a,yes\n9,1,2,3,4\n";
        var error = Assert.Throws<ValidationException>(() => RunAgainstReference(dir, current, options));
        var report = error.Report;

        Assert.Equal(6, report.Rows);
        Assert.Equal(report.Rows, DataLines(options.ValidatedPath) + DataLines(options.QuarantinePath));
        Assert.Equal(1, report.ValidatedRows);
        var quarantine = SnapshotRows.Read(options.QuarantinePath);
        Assert.Equal("_reason", SnapshotRows.Header(options.QuarantinePath)[^1]);
        Assert.Equal("line 2: type_error in 'amount': \"abc\"", quarantine[0][^1]);
        Assert.Equal("line 3: null_in_non_nullable in 'amount': (missing)", quarantine[1][^1]);
        Assert.Equal("line 4: unseen_category in 'merchant': \"zz\"", quarantine[2][^1]);
        Assert.Equal("line 5: duplicate_key in 'id': \"5\"", quarantine[3][^1]);
        Assert.Equal("line 7: malformed_row (5 fields, header has 4; extra fields: 4)", quarantine[4][^1]);
        Assert.Equal<string?[]>(["9", "1", "2", "3", quarantine[4][^1]], quarantine[4]);
    }

    [Theory]
    [InlineData("id,amount,label\n5,10,yes\n", ValidationCheck.MissingColumn, FindingSeverity.Error)]
    [InlineData("id,amount,merchant,label,extra\n5,10,a,yes,x\n6,20,b,no,y\n", ValidationCheck.ExtraColumn, FindingSeverity.Warning)]
    [InlineData("id,amount,merchant,label\n5,99,a,yes\n6,20,b,no\n", ValidationCheck.OutOfRange, FindingSeverity.Warning)]
    [InlineData("id,amount,merchant,label\n5,10,q,yes\n6,20,b,no\n", ValidationCheck.UnseenCategory, FindingSeverity.Warning)]
    [InlineData("id,amount,merchant,label\n5,10,a,yes\n5,20,b,no\n", ValidationCheck.DuplicateKey, FindingSeverity.Error)]
    [InlineData("id,amount,merchant,label\n5,10,a,maybe\n6,20,b,no\n", ValidationCheck.UnknownLabelClass, FindingSeverity.Error)]
    [InlineData("id,amount,merchant,label\n5,10,a,yes\n6,20,b,yes\n7,30,a,yes\n8,40,b,no\n", ValidationCheck.LabelShift, FindingSeverity.Warning)]
    [InlineData("id,amount,merchant,label\n5,10,a,yes\n6,20,b,no\n", ValidationCheck.ExtraColumn, null)]
    public void Run_CraftedBadData_ReportsCheckWithSeverity(string current, ValidationCheck check, FindingSeverity? severity)
    {
        using var dir = new TestDirectory();

        ValidationReport report;
        try { report = RunAgainstReference(dir, current); }
        catch (ValidationException e) { report = e.Report; }

        var finding = report.Findings.SingleOrDefault(f => f.Check == check);
        Assert.Equal(severity, finding?.Severity);
        Assert.Equal(report.Rows, report.ValidatedRows + report.QuarantinedRows);
        Assert.Equal(report.Rows, DataLines(dir.Path("data/validated/t.csv")) + DataLines(dir.Path("data/quarantine/t.csv")));
    }

    [Fact]
    public void Run_FirstRunWithDuplicateKeys_QuarantinesEveryRepeatButNotTheFirst()
    {
        using var dir = new TestDirectory();
        dir.Write("data/raw/t.csv", "id,amount,merchant,label\n1,10,a,yes\n2,20,b,no\n1,30,a,yes\n3,40,b,no\n1,50,a,no\n");

        var error = Assert.Throws<ValidationException>(() => Validator.Run(Options(dir)));

        Assert.Equal(2, error.Report.QuarantinedRows);
        Assert.Equal(["1", "2", "3"], SnapshotRows.Read(dir.Path("data/validated/t.csv")).Select(r => r[0]));
    }

    [Fact]
    public void Run_NullRateJump_ReportsWarningWithCount()
    {
        using var dir = new TestDirectory();
        dir.Write("data/raw/t.csv", "id,amount,merchant,label\n1,10,a,yes\n2,,b,no\n3,30,a,yes\n4,40,b,no\n5,50,a,no\n");
        Validator.Run(Options(dir));
        dir.Write("data/raw/t.csv", "id,amount,merchant,label\n6,,a,yes\n7,,b,no\n8,30,a,yes\n9,40,b,no\n");

        var report = Validator.Run(Options(dir));

        var finding = Assert.Single(report.Findings, f => f.Check == ValidationCheck.NullRateJump);
        Assert.Equal(("amount", 2L, FindingSeverity.Warning), (finding.Column, finding.Count, finding.Severity));
        Assert.Equal(4, report.ValidatedRows);
    }

    [Fact]
    public void Run_ErrorSeverity_ThrowsAfterWritingReports()
    {
        using var dir = new TestDirectory();
        var options = Options(dir) with { Severities = new Dictionary<ValidationCheck, FindingSeverity> { [ValidationCheck.OutOfRange] = FindingSeverity.Error } };

        var error = Assert.Throws<ValidationException>(() => RunAgainstReference(dir, "id,amount,merchant,label\n5,1000,a,yes\n6,20,b,no\n", options));

        Assert.Contains("out_of_range [amount]", error.Message);
        var json = JsonDocument.Parse(File.ReadAllText(options.ReportJsonPath)).RootElement;
        Assert.Equal("failed", json.GetProperty("status").GetString());
        var finding = json.GetProperty("findings").EnumerateArray().Single();
        Assert.Equal(("out_of_range", "error", "amount", 1), (finding.GetProperty("check").GetString(), finding.GetProperty("severity").GetString(), finding.GetProperty("column").GetString(), finding.GetProperty("count").GetInt32()));
        Assert.Equal("line 2: \"1000\"", finding.GetProperty("examples")[0].GetString());
        Assert.Matches(@"out_of_range +amount +error +failed +1 ", File.ReadAllText(options.ReportTextPath));
        Assert.Equal(1, DataLines(options.QuarantinePath));
    }

    [Fact]
    public void Run_RangeTolerance_WidensRange()
    {
        using var dir = new TestDirectory();

        var report = RunAgainstReference(dir, "id,amount,merchant,label\n5,45,a,yes\n6,20,b,no\n", Options(dir) with { RangeTolerance = 0.2 });

        Assert.DoesNotContain(report.Findings, f => f.Check == ValidationCheck.OutOfRange);
    }
}
