namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>Issue 10 item 2: <c>./build.sh Init --data … --label …</c> writes params.yaml for a new table; then <c>./build.sh</c> gets a gated, registered model.</summary>
[Collection(ReferenceCollection.Name)]
public sealed class InitTests(ReferenceTemplate template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Init_ThenBuild_CsvNeverSeen_PrintsWhatItInferredAndRegistersAGatedModel()
    {
        _repo.Write("data/external/loans.csv", ForeignTables.BinaryWithCategoricals(400, seed: 31));
        var committed = _repo.Read("params.yaml");

        var init = _repo.Run("Init", "--data", "data/external/loans.csv", "--label", "approved");

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains("task: binary (inferred from the values of 'approved')", init.Output, StringComparison.Ordinal);
        Assert.Contains("class balance: no ", init.Output, StringComparison.Ordinal);
        Assert.Contains("categorical columns: employment, housing", init.Output, StringComparison.Ordinal);
        Assert.Contains("numeric columns: income, debt", init.Output, StringComparison.Ordinal);
        Assert.Contains("key candidates: none", init.Output, StringComparison.Ordinal);
        Assert.Contains("gate: min auc 0.7", init.Output, StringComparison.Ordinal);
        var yaml = _repo.Read("params.yaml");
        Assert.Contains("  kind: csv ", yaml, StringComparison.Ordinal);
        Assert.Contains("  path: data/external/loans.csv\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  label: approved\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  slice_column: employment\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    auc: 0.7\n", yaml, StringComparison.Ordinal);
        // NOTE: everything Init does not set is kept line for line (here the train section and the comments).
        Assert.Contains(committed[committed.IndexOf("train:", StringComparison.Ordinal)..committed.IndexOf("evaluate:", StringComparison.Ordinal)], yaml, StringComparison.Ordinal);

        _repo.Write("params.yaml", yaml.Replace("host: http://127.0.0.1:5080", $"host: http://127.0.0.1:{LoopbackPort.Free()}", StringComparison.Ordinal));
        var build = _repo.Run(TimeSpan.FromMinutes(15));

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("employment", _repo.Read("data/schema.yaml"), StringComparison.Ordinal);
        Assert.True(Directory.Exists(_repo.PathOf("models/registry/fraud-detector/v0.0.1")), build.ToString());
    }

    [Theory]
    [InlineData("data/external/missing.csv", null, "Init: no such file 'data/external/missing.csv' (--data)")]
    [InlineData("data/external/t.csv", "", "Init: 'data/external/t.csv' (--data) is empty: it has no header and no rows.")]
    [InlineData("data/external/t.csv", "a,b\n1,x\n2,y\n", "Init: 'data/external/t.csv' has no column 'label' (--label). Columns: a, b.")]
    [InlineData("data/external/t.csv", "a,label\n1,x\n2,x\n", "Init: the label 'label' has one value ('x') in 'data/external/t.csv': there is nothing to learn.")]
    public void Init_BadInput_OneLineSayingWhatIsWrongAndParamsUntouched(string path, string? csv, string message)
    {
        if (csv is not null) _repo.Write(path, csv);
        var before = _repo.Read("params.yaml");

        var result = _repo.Run("Init", "--data", path, "--label", "label");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, _repo.Read("params.yaml"));
    }
}
