using Pipeline.Engine.Execution;

namespace Pipeline.Engine.Tests.Execution;

public sealed class RunRecordTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pe-record-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Write_EveryStatus_ExactJson()
    {
        var path = Path.Combine(_dir.FullName, "temp", "run.json");
        TargetResult[] results =
        [
            new("Ingest", TargetStatus.Executed, TimeSpan.FromMilliseconds(1500.7), "never ran") { Notes = [new("rows", "1")] },
            new("Train", TargetStatus.Skipped, TimeSpan.Zero, "up to date"),
            new("Deploy", TargetStatus.Restored, TimeSpan.FromMilliseconds(12), "restored from cache: m"),
            new("Evaluate", TargetStatus.Failed, TimeSpan.FromMilliseconds(3), "boom \"quoted\""),
            new("Report", TargetStatus.NotRun, TimeSpan.Zero, "Evaluate failed"),
        ];

        RunRecord.Write(path, results);

        var expected = """
            [
              {"target": "Ingest", "status": "executed", "duration_ms": 1500, "reason": "never ran"},
              {"target": "Train", "status": "skipped", "duration_ms": 0, "reason": "up to date"},
              {"target": "Deploy", "status": "restored", "duration_ms": 12, "reason": "restored from cache: m"},
              {"target": "Evaluate", "status": "failed", "duration_ms": 3, "reason": "boom \"quoted\""},
              {"target": "Report", "status": "not-run", "duration_ms": 0, "reason": "Evaluate failed"}
            ]

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), File.ReadAllText(path));
    }

    [Fact]
    public void Write_TargetRunAsJob_AddsNodeAndJobId()
    {
        var path = Path.Combine(_dir.FullName, "run.json");

        RunRecord.Write(path, [new("Train", TargetStatus.Executed, TimeSpan.FromMilliseconds(7), "never ran") { Placement = new("n2", "41") }]);

        Assert.Equal("""
            [
              {"target": "Train", "status": "executed", "duration_ms": 7, "reason": "never ran", "node": "n2", "job_id": "41"}
            ]

            """.ReplaceLineEndings("\n"), File.ReadAllText(path));
    }

    [Fact]
    public void Write_NoResults_EmptyArray()
    {
        var path = Path.Combine(_dir.FullName, "run.json");

        RunRecord.Write(path, []);

        Assert.Equal("[]\n", File.ReadAllText(path));
    }
}
