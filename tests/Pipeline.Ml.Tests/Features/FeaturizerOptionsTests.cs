using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Tests.Data;
using Pipeline.Ml.Tests.Validation;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Features;

public sealed class FeaturizerOptionsTests
{
    [Fact]
    public void FromParams_SectionKeys_SetEveryOption()
    {
        var options = FeaturizerOptions.FromParams(new Dictionary<string, string>
        {
            ["imputation"] = "constant", ["constant_value"] = "-1", ["outliers"] = "iqr", ["outlier_factor"] = "2", ["scaling"] = "robust",
            ["encoding"] = "hashing", ["hash_bits"] = "4", ["text"] = "false", ["max_ngrams"] = "300", ["derived"] = "log: amount", ["test_fraction"] = "0.3", ["seed"] = "99",
        });

        Assert.Equal(new FeaturizerOptions
        {
            Imputation = ImputationStrategy.Constant, ConstantValue = -1, Outliers = OutlierStrategy.Iqr, OutlierFactor = 2, Scaling = ScalingStrategy.Robust,
            Encoding = CategoricalEncoding.Hashing, HashBits = 4, Text = false, MaxNgrams = 300, Derived = options.Derived, TestFraction = 0.3, Seed = 99,
        }, options);
        Assert.Equal(["log: amount"], options.Derived);
    }

    [Theory]
    [InlineData("featurize.scaling", "Unknown parameter 'featurize.featurize.scaling' in params.yaml. Did you mean 'featurize.scaling'?")]
    [InlineData("scalng", "Unknown parameter 'featurize.scalng' in params.yaml. Did you mean 'featurize.scaling'?")]
    [InlineData("learning_rate", "Unknown parameter 'featurize.learning_rate' in params.yaml. Known in 'featurize': featurize.imputation, ")]
    public void FromParams_UnknownKey_FailsNamingItAndTheClosest(string key, string message)
    {
        var error = Assert.Throws<ParamException>(() => FeaturizerOptions.FromParams(new Dictionary<string, string> { [key] = "zscore" }));

        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData("scaling", "bogus", "params.yaml featurize.scaling is 'bogus'; expected one of: none, min_max, zscore, robust.")]
    [InlineData("encoding", "nonsense", "params.yaml featurize.encoding is 'nonsense'; expected one of: one_hot, hashing.")]
    [InlineData("test_fraction", "1.5", "params.yaml featurize.test_fraction is '1.5'; expected a number between 0 and 1 (both excluded).")]
    [InlineData("test_fraction", "0", "params.yaml featurize.test_fraction is '0'; expected a number between 0 and 1 (both excluded).")]
    [InlineData("seed", "-1", "params.yaml featurize.seed is '-1'; expected an integer >= 0.")]
    [InlineData("seed", "4.5", "params.yaml featurize.seed is '4.5'; expected an integer >= 0.")]
    [InlineData("hash_bits", "40", "params.yaml featurize.hash_bits is '40'; expected an integer from 1 to 30.")]
    [InlineData("text", "yes", "params.yaml featurize.text is 'yes'; expected true or false.")]
    [InlineData("derived", "sqrt: amount", "params.yaml featurize.derived is 'sqrt: amount'; expected 'ratio: a/b' or 'log: column'.")]
    public void FromParams_InvalidValue_FailsNamingKeyValueAndAllowed(string key, string value, string message)
    {
        var error = Assert.Throws<ParamException>(() => FeaturizerOptions.FromParams(new Dictionary<string, string> { [key] = value }));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Run_EachDocumentedKey_ChangesTheFeatures()
    {
        using var dir = new TestDirectory();
        var validated = dir.Write("data/validated/t.csv", SampleData.Csv(120, "binary"));
        SchemaFile.Write(dir.Path("data/schema.yaml"), SchemaInference.Infer(validated, "label", MlTask.Binary, new InferenceOptions { Key = "id" }));
        var run = 0;
        string Featurize(IReadOnlyDictionary<string, string> section)
        {
            var output = dir.Path($"out/{run++}");
            var paths = new FeaturizePaths
            {
                ValidatedCsv = validated, SchemaYaml = dir.Path("data/schema.yaml"),
                TrainCsv = Path.Combine(output, "train.csv"), TestCsv = Path.Combine(output, "test.csv"),
                FeaturizerZip = Path.Combine(output, "featurizer.zip"), ProfileJson = Path.Combine(output, "profile.json"),
            };
            Featurizer.Run(paths, FeaturizerOptions.FromParams(section));
            return DocumentedKeys.Digest(paths.TrainCsv, paths.TestCsv, paths.FeaturizerZip, paths.ProfileJson);
        }

        DocumentedKeys.EachChangesOutput(FeaturizerOptions.Keys, Featurize,
        [
            new("imputation", "most_frequent"),
            new("constant_value", "-5", new Dictionary<string, string> { ["imputation"] = "constant" }),
            new("outliers", "zscore"),
            new("outlier_factor", "0.5", new Dictionary<string, string> { ["outliers"] = "iqr" }),
            new("scaling", "robust"),
            new("encoding", "hashing"),
            new("hash_bits", "3", new Dictionary<string, string> { ["encoding"] = "hashing" }),
            new("text", "false"),
            new("max_ngrams", "5"),
            new("derived", "log: amount"),
            new("test_fraction", "0.5"),
            new("seed", "99"),
        ]);
    }
}
