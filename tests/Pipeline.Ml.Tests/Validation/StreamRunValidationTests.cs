using System.Text.Json;
using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;
using Pipeline.Ml.Ingest;
using Pipeline.Ml.Tests.Ingest.Streaming;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Validation;

/// <summary>Validate on a stream source (log files ingested by position): the report's section for the last ingest.</summary>
public sealed class StreamRunValidationTests : IDisposable
{
    private readonly StreamWorkspace _ws = new();

    private static IngestOptions Logs => new() { Kind = IngestKind.Logs, Path = "logs/app*.jsonl" };

    private string In(string relative) => Path.Combine(_ws.Root, relative);

    private ValidationOptions Options(bool stream = true) => new()
    {
        SnapshotPath = _ws.Snapshot,
        SchemaPath = In("data/schema.yaml"),
        ValidatedPath = In("data/validated/snapshot.csv"),
        QuarantinePath = In("data/quarantine/snapshot.csv"),
        ReportJsonPath = In("reports/validation.json"),
        ReportTextPath = In("reports/validation.txt"),
        Label = "label",
        Task = MlTask.Binary,
        Inference = new InferenceOptions { Key = "id" },
        StreamPositionPath = stream ? _ws.Position : null,
        StreamRejectedPath = stream ? _ws.Rejected : null,
    };

    private void Append(string text)
    {
        Directory.CreateDirectory(In("logs"));
        File.AppendAllText(In("logs/app.jsonl"), text);
    }

    private static string Line(int id, string amount, string label) => $"{{\"id\":{id},\"amount\":{amount},\"label\":\"{label}\"}}\n";

    private JsonElement LastIngest() =>
        JsonDocument.Parse(File.ReadAllText(Options().ReportJsonPath)).RootElement.GetProperty("last_ingest");

    [Fact]
    public void Run_FieldChangesTypeInTheSecondRun_AppendedRowsQuarantinedAsTypeErrorAndCountedForThatRun()
    {
        Append(string.Concat(Enumerable.Range(1, 6).Select(i => Line(i, $"{i * 10}.5", i % 2 == 0 ? "yes" : "no"))) + "{not json\n");
        _ws.Ingest(Logs);
        var first = Validator.Run(Options());

        Append(Line(7, "70.5", "no") + Line(8, "\"n/a\"", "yes") + "{broken\n" + Line(9, "\"twelve\"", "no") + "also broken\n");
        _ws.Ingest(Logs);
        var second = Validator.Run(Options());

        Assert.Equal(ColumnKind.Numeric, SchemaFile.Read(Options().SchemaPath).Columns.Single(c => c.Name == "amount").Kind);
        Assert.Equal((6L, 6L, 0L, 1L), (first.StreamRun!.Appended, first.StreamRun.Validated, first.StreamRun.Quarantined, first.StreamRun.Rejected));
        Assert.Equal((3L, 1L, 2L, 2L, false), (second.StreamRun!.Appended, second.StreamRun.Validated, second.StreamRun.Quarantined, second.StreamRun.Rejected, second.StreamRun.RejectedAllRuns));
        Assert.Equal((9L, 7L, 2L), (second.Rows, second.ValidatedRows, second.QuarantinedRows));
        var quarantined = SnapshotRows.Read(Options().QuarantinePath);
        Assert.Equal(2, quarantined.Count);
        Assert.All(quarantined, row => Assert.Contains("type_error in 'amount'", row[^1]));
        var section = LastIngest();
        Assert.Equal((3, 1, 2, 2), (section.GetProperty("appended_rows").GetInt32(), section.GetProperty("validated_rows").GetInt32(),
            section.GetProperty("quarantined_rows").GetInt32(), section.GetProperty("rejected_entries").GetInt32()));
        Assert.Equal(JsonValueKind.Object, section.GetProperty("from").ValueKind);
        Assert.Contains("3 rows appended, 1 validated, 2 quarantined; 2 entries rejected by Ingest as unreadable\n", File.ReadAllText(Options().ReportTextPath));
    }

    [Fact]
    public void Run_PositionWithoutTheRunsRejectedCount_ReportsRejectedCsvsTotal()
    {
        Append(Line(1, "1.5", "no") + "{broken\n" + Line(2, "2.5", "yes"));
        _ws.Ingest(Logs);
        Append(Line(3, "3.5", "no") + "{broken again\n");
        _ws.Ingest(Logs);
        var written = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(_ws.Position))!.AsObject();
        Assert.Equal(1, written["rejected_appended"]!.GetValue<int>());
        written.Remove("rejected_appended");
        File.WriteAllText(_ws.Position, written.ToJsonString());

        var report = Validator.Run(Options());

        Assert.Equal((1L, 2L, true), (report.StreamRun!.Appended, report.StreamRun.Rejected, report.StreamRun.RejectedAllRuns));
        Assert.Equal(2, LastIngest().GetProperty("rejected_entries_all_runs").GetInt32());
        Assert.Contains("2 entries rejected by Ingest as unreadable (all runs;", File.ReadAllText(Options().ReportTextPath));
    }

    [Fact]
    public void Run_BatchSource_ReportHasNoLastIngestSection()
    {
        Append(Line(1, "1.5", "no") + Line(2, "2.5", "yes"));
        _ws.Ingest(Logs);

        var report = Validator.Run(Options(stream: false));

        Assert.Null(report.StreamRun);
        Assert.False(JsonDocument.Parse(File.ReadAllText(Options().ReportJsonPath)).RootElement.TryGetProperty("last_ingest", out _));
        Assert.DoesNotContain("Last ingest", File.ReadAllText(Options().ReportTextPath));
    }

    [Fact]
    public void Run_PositionOfAnotherSnapshot_OneLineNamingBothAndTheFix()
    {
        Append(Line(1, "1.5", "no") + Line(2, "2.5", "yes"));
        _ws.Ingest(Logs);
        File.AppendAllText(_ws.Snapshot, "3,3.5,no\n");

        var e = Assert.Throws<InvalidDataException>(() => Validator.Run(Options()));

        Assert.Contains("position.json records a snapshot of", e.Message);
        Assert.Contains("restore both from one commit", e.Message);
        Assert.False(File.Exists(Options().ReportJsonPath));
    }

    public void Dispose() => _ws.Dispose();
}
