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

    [Theory]
    [InlineData("Rollback", "deploy.stratgy=canary", 1, "Unknown parameter 'deploy.stratgy' in params.yaml. Did you mean 'deploy.strategy'?")]
    [InlineData("Rollback", "deploy.hold_seconds=soon", 1, "params.yaml deploy.hold_seconds is 'soon'")]
    // NOTE: a section nobody reads is a usage error found before planning (exit 2), as an unknown option is.
    [InlineData("Validate", "featurise.scaling=zscore", 2, "Unknown section 'featurise' in params.yaml. Did you mean 'featurize'?")]
    [InlineData("Serve", "serve.fallback_belw=0.3", 1, "Unknown parameter 'serve.fallback_belw' in params.yaml. Did you mean 'serve.fallback_below'?")]
    [InlineData("Serve", "serve.prediction_log=Host=127.0.0.1;Username=pipeline;Password=hunter2", 1, "params.yaml serve.prediction_log holds a password, and params values are recorded in dvc.lock: remove Password= and set PGPASSWORD")]
    [InlineData("Monitor", "serve.prediction_log=Host=127.0.0.1;Databse=serving", 1, "params.yaml serve.prediction_log is not a PostgreSQL connection string: ")]
    [InlineData("Monitor", "serve.prediction_log=postgres://pipeline@127.0.0.1/serving", 1, "params.yaml serve.prediction_log is 'postgres://pipeline@127.0.0.1/serving'; expected a SQLite file path, or a PostgreSQL connection string")]
    [InlineData("Monitor", "serve.prediction_log=data/serving/elsewhere.db", 1, "No prediction log at data/serving/elsewhere.db: serve the model first")]
    public void Build_UnknownSectionOrUnknownOrBadDeployOrServeKey_FailsInOneLineNamingItBeforeAnythingRuns(string target, string set, int exitCode, string message)
    {
        var result = _repo.Run(target, "--set", set);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains(result.Output.Split('\n'), l => l.Contains(message, StringComparison.Ordinal) && !l.Contains("--set", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Output, StringComparison.Ordinal);
    }
}
