namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>The reference pipeline on broken CSV input: clear failures, nothing half-written, no row lost.</summary>
[Collection(ReferenceCollection.Name)]
public sealed class BadInputTests(ReferenceTemplate template) : IDisposable
{
    private const string Csv = "data/external/churn.csv";
    private const string Snapshot = "data/raw/snapshot.csv";

    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Build_UnterminatedQuote_FailsIngestNamingFileAndLineAndLeavesNoSnapshotOrLockEntry()
    {
        _repo.Write(Csv, Unquoted(SyntheticCsv.Binary(200, seed: 21).Csv, brokenLine: 42));
        _repo.Write("params.yaml", Params());

        var result = _repo.Run();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("failed", _repo.Statuses()["Ingest"]);
        Assert.Contains("churn.csv:42:", result.Output);
        Assert.Contains("quoted field is not terminated", result.Output);
        Assert.False(File.Exists(_repo.PathOf(Snapshot)), "a failed Ingest left a snapshot behind");
        Assert.Empty(PipelineFiles.LockedStages(_repo));
    }

    [Fact]
    public void Build_UnterminatedQuoteAfterAGoodRun_KeepsThePreviousSnapshotAndLock()
    {
        _repo.Write(Csv, Unquoted(SyntheticCsv.Binary(200, seed: 21).Csv, brokenLine: null));
        _repo.Write("params.yaml", Params());
        Assert.Equal(0, _repo.Run("Validate").ExitCode);
        var snapshot = _repo.Read(Snapshot);
        var lockText = _repo.Read("dvc.lock");
        _repo.Write(Csv, Unquoted(SyntheticCsv.Binary(210, seed: 22).Csv, brokenLine: 7));

        var result = _repo.Run("Validate");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("churn.csv:7:", result.Output);
        Assert.Equal(snapshot, _repo.Read(Snapshot));
        Assert.Equal(lockText, _repo.Read("dvc.lock"));
    }

    [Fact]
    public void Build_NonNumericValueInNumericColumn_QuarantinesTheRowWithAReasonAndContinues()
    {
        // NOTE: the schema is inferred from the first snapshot, so the bad value arrives in a later delivery, as in
        // production; inferred first, a single word would make the whole column non-numeric instead.
        _repo.Write(Csv, SyntheticCsv.Binary(400, seed: 23).Csv);
        _repo.Write("params.yaml", Params());
        Assert.Equal(0, _repo.Run("Validate").ExitCode);
        var lines = SyntheticCsv.Binary(400, seed: 24).Csv.TrimEnd('\n').Split('\n');
        var fields = lines[10].Split(',');
        fields[^2] = "several";   // support_calls
        lines[10] = string.Join(',', fields);
        _repo.Write(Csv, string.Join('\n', lines) + "\n");

        var result = _repo.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(_repo.Statuses(), s => Assert.True(s.Value == "executed", $"{s.Key}: {s.Value}"));
        var quarantine = _repo.Read("data/quarantine/snapshot.csv").TrimEnd('\n').Split('\n');
        Assert.EndsWith(",_reason", quarantine[0]);
        var row = Assert.Single(quarantine.Skip(1));
        Assert.Contains("several", row);
        Assert.Contains("line 11: type_error in 'support_calls': \"\"several\"\"", row);
        Assert.Equal(400, PipelineFiles.DataRows(_repo, Snapshot));
        Assert.Equal(399, PipelineFiles.DataRows(_repo, "data/validated/snapshot.csv"));
        Assert.Equal(400, PipelineFiles.DataRows(_repo, "data/validated/snapshot.csv") + PipelineFiles.DataRows(_repo, "data/quarantine/snapshot.csv"));
        Assert.Contains("\"quarantined_rows\": 1", _repo.Read("reports/validation.json"));
    }

    [Fact]
    public void Build_TypeErrorSeverityRaisedToError_FailsValidateNamingTheColumnAndKeepsItsLockEntry()
    {
        _repo.Write(Csv, SyntheticCsv.Binary(300, seed: 25).Csv);
        _repo.Write("params.yaml", Params());
        Assert.Equal(0, _repo.Run("Validate").ExitCode);
        var validateEntry = PipelineFiles.LockEntry(_repo, "Validate");
        _repo.Write("params.yaml", Params().Replace("validate:\n", "validate:\n  severity:\n    type_error: error\n", StringComparison.Ordinal));
        _repo.Write(Csv, SyntheticCsv.Binary(300, seed: 25).Csv.Replace(",premium,", ",premium,not-a-number-", StringComparison.Ordinal));

        var result = _repo.Run("Validate");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("failed", _repo.Statuses()["Validate"]);
        Assert.Contains("type_error", result.Output);
        Assert.Contains("tenure_months", result.Output);
        Assert.NotEmpty(validateEntry);
        Assert.Equal(validateEntry, PipelineFiles.LockEntry(_repo, "Validate"));
    }

    /// <summary>
    /// The CSV with its quoted notes unquoted (commas replaced, so the field count stays right) and, on
    /// <paramref name="brokenLine"/> (1-based, header = 1), a note whose opening quote is never closed.
    /// </summary>
    private static string Unquoted(string csv, int? brokenLine)
    {
        var lines = csv.TrimEnd('\n').Split('\n').Select(l => l.Replace(", ", "; ").Replace("\"", "")).ToArray();
        if (brokenLine is { } n) lines[n - 1] = "\"" + lines[n - 1];
        return string.Join('\n', lines) + "\n";
    }

    private static string Params() => CsvParams.Yaml(Csv, "churned", "binary", keyLine: null, "plan", "  min:\n    auc: 0.6");
}
