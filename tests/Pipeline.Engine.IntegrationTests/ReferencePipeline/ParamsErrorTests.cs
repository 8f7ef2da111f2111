namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>A bad params.yaml setting through ./build.sh: the target fails in one line naming the key, no stack trace.</summary>
[Collection(ReferenceCollection.Name)]
public sealed class ParamsErrorTests(ReferenceTemplate template) : IDisposable
{
    private const string Csv = "data/external/churn.csv";

    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Build_BogusFeaturizeScaling_FailsFeaturizeInOneLineNamingTheKeyWithoutStackTrace()
    {
        _repo.Write(Csv, SyntheticCsv.Binary(200, seed: 21).Csv);
        _repo.Write("params.yaml", CsvParams.Yaml(Csv, "churned", "binary", keyLine: null, "plan", "  min:\n    auc: 0.6"));

        var result = _repo.Run("Featurize", "--set", "featurize.scaling=bogus");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("failed", _repo.Statuses()["Featurize"]);
        var errors = result.Output.Split('\n').Where(l => l.Contains("featurize.scaling", StringComparison.Ordinal) && !l.Contains("--set", StringComparison.Ordinal)).ToList();
        Assert.Contains(errors, l => l.Contains("params.yaml featurize.scaling is 'bogus'; expected one of: none, min_max, zscore, robust.", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_repo.PathOf("data/features/train.csv")), "a failed Featurize left features behind");
    }
}
