using System.Globalization;
using System.Text;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Training;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Training;

/// <summary>Tiny data fails at Featurize in one line naming the label and the class counts, not deep inside Train.</summary>
public sealed class TrainingRowRequirementTests
{
    private static FeaturizePaths Prepare(TestDirectory dir, string csv, MlTask task)
    {
        var validated = dir.Write("data/validated/t.csv", csv);
        SchemaFile.Write(dir.Path("data/schema.yaml"), SchemaInference.Infer(validated, "label", task, new InferenceOptions()));
        return new FeaturizePaths
        {
            ValidatedCsv = validated, SchemaYaml = dir.Path("data/schema.yaml"),
            TrainCsv = dir.Path("data/features/train.csv"), TestCsv = dir.Path("data/features/test.csv"),
            FeaturizerZip = dir.Path("models/featurizer.zip"), ProfileJson = dir.Path("data/features/profile.json"),
        };
    }

    private static string Csv(int rows, Func<int, string> label)
    {
        var csv = new StringBuilder("x,segment,label\n");
        for (var i = 0; i < rows; i++) csv.Append(CultureInfo.InvariantCulture, $"{i * 1.5},{(i % 2 == 0 ? "a" : "b")},{label(i)}\n");
        return csv.ToString();
    }

    [Fact]
    public void Featurize_EightBinaryRows_FailsNamingLabelAndClassCounts()
    {
        using var dir = new TestDirectory();
        var paths = Prepare(dir, Csv(8, i => i % 3 == 0 ? "yes" : "no"), MlTask.Binary);

        var error = Assert.Throws<InvalidDataException>(() => Featurizer.Run(paths, new FeaturizerOptions()));

        Assert.Equal(
            "Train needs at least 10 rows of each class of label 'label' in the training split; got 'no': 4, 'yes': 2 (of 8 validated rows, featurize.test_fraction 0.2 held out for testing). Add labelled rows, or lower featurize.test_fraction.",
            error.Message);
        Assert.False(File.Exists(paths.FeaturizerZip));
    }

    [Fact]
    public void Featurize_OneClassOnly_FailsNamingIt()
    {
        using var dir = new TestDirectory();
        var paths = Prepare(dir, Csv(40, _ => "gold"), MlTask.Multiclass);

        var error = Assert.Throws<InvalidDataException>(() => Featurizer.Run(paths, new FeaturizerOptions()));

        Assert.StartsWith("Train needs rows of at least two classes of label 'label' in the training split; got 'gold': 32 ", error.Message);
    }

    [Fact]
    public void Featurize_EnoughRowsOfEachClassOrTinyMulticlass_Passes()
    {
        using var binary = new TestDirectory();
        Assert.Equal(24, Featurizer.Run(Prepare(binary, Csv(30, i => i % 2 == 0 ? "yes" : "no"), MlTask.Binary), new FeaturizerOptions()).TrainRows);
        using var multiclass = new TestDirectory();
        Assert.Equal(6, Featurizer.Run(Prepare(multiclass, Csv(9, i => (i % 3).ToString(CultureInfo.InvariantCulture) + "x"), MlTask.Multiclass), new FeaturizerOptions()).TrainRows);
    }
}
