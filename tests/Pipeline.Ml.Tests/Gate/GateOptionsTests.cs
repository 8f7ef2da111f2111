using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Gate;
using Pipeline.Ml.Tests.Data;

namespace Pipeline.Ml.Tests.Gate;

public sealed class GateOptionsTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("mlgateopts-");

    public void Dispose() => root.Delete(recursive: true);

    [Theory]
    [InlineData("minimum.auc", "0.8", "Unknown parameter 'gate.minimum.auc' in params.yaml. Known in 'gate': gate.require_significant, gate.retries, gate.min.*, gate.max.*, gate.max_regression.*.")]
    [InlineData("retry", "2", "Unknown parameter 'gate.retry' in params.yaml. Did you mean 'gate.retries'?")]
    [InlineData("min.acu", "0.8", "Unknown metric 'acu' in params.yaml gate.min.acu. Known metrics: auc, ")]
    [InlineData("min.auc", "high", "params.yaml gate.min.auc is 'high'; expected a number.")]
    [InlineData("retries", "-1", "params.yaml gate.retries is '-1'; expected an integer >= 0.")]
    [InlineData("require_significant", "maybe", "params.yaml gate.require_significant is 'maybe'; expected true or false.")]
    public void FromParams_UnknownKeyOrInvalidValue_FailsNamingIt(string key, string value, string message)
    {
        var error = Assert.Throws<ParamException>(() => GateOptions.FromParams(new Dictionary<string, string> { [key] = value }));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Check_EachDocumentedKey_ChangesTheVerdict()
    {
        var metrics = Path.Combine(root.FullName, "metrics.json");
        File.WriteAllText(metrics, """
            { "auc": 0.82, "log_loss": 0.31,
              "comparison": { "metric": "auc", "production_metrics": { "auc": 0.84, "log_loss": 0.30 }, "difference": -0.02, "ci_low": -0.05, "ci_high": 0.01, "significant": false } }
            """);
        string Check(IReadOnlyDictionary<string, string> section) => DeployGate.Check(metrics, GateOptions.FromParams(section)).ToTable();

        DocumentedKeys.EachChangesOutput([.. GateOptions.Keys, .. GateOptions.Groups], Check,
        [
            new("min", "0.9", Setting: "min.auc"),
            new("max", "0.2", Setting: "max.log_loss"),
            new("max_regression", "0.01", Setting: "max_regression.auc"),
            new("require_significant", "true", new Dictionary<string, string> { ["min.auc"] = "0.5" }),
        ],
        // NOTE: retries is read by the build (back to training with twice the budget), not by the gate's verdict.
        withoutEffect: ["retries"]);
    }
}
