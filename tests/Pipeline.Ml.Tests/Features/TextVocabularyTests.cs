using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Features;

public sealed class TextVocabularyTests
{
    [Theory]
    [InlineData(10, 1)]
    [InlineData(5, 1)]
    [InlineData(4, 2)]
    [InlineData(3, 4)]
    [InlineData(2, 4)]
    [InlineData(1, 6)]
    public void Cut_TiesAtTheLimit_DroppedTogether(int max, long cut)
    {
        Assert.Equal(cut, TextVocabulary.Cut([3, 5, 1, 3, 0, 9], max));
    }

    // NOTE: ML.NET's MaximumNgramsCount keeps the first n-grams in row order: with the rare texts first, a phrase in
    // most rows fell past the limit and featurized to nothing.
    [Fact]
    public void Run_MaxNgrams_KeepsTheNgramsInTheMostRows()
    {
        using var dir = new TestDirectory();
        var csv = new StringBuilder("id,description,label\n");
        for (var i = 0; i < 120; i++)
        {
            var text = i < 30 ? $"rare{i} token{i * 7} thing{i * 13} here" : "the shared phrase again";
            csv.Append(CultureInfo.InvariantCulture, $"{i},{text},{i % 2}\n");
        }
        var validated = dir.Write("data/validated/t.csv", csv.ToString());
        var schema = SchemaInference.Infer(validated, "label", MlTask.Binary, new InferenceOptions { Key = "id" });
        SchemaFile.Write(dir.Path("data/schema.yaml"), schema);
        var paths = new FeaturizePaths
        {
            ValidatedCsv = validated,
            SchemaYaml = dir.Path("data/schema.yaml"),
            TrainCsv = dir.Path("data/features/train.csv"),
            TestCsv = dir.Path("data/features/test.csv"),
            FeaturizerZip = dir.Path("models/featurizer.zip"),
            ProfileJson = dir.Path("data/features/profile.json"),
        };

        var result = Featurizer.Run(paths, new FeaturizerOptions { MaxNgrams = 40 });

        Assert.Equal(ColumnKind.Text, schema.Column("description").Kind);
        Assert.InRange(result.TextNgrams, 1, 40);
        Assert.True(result.TextNgramsSeen > 100, $"seen {result.TextNgramsSeen}");
        Assert.Equal(result.TextNgrams, result.FeatureCount);
        var ml = new MLContext(1);
        var model = ml.Model.Load(paths.FeaturizerZip, out var input);
        var row = SnapshotLoader.Load(ml, dir.Write("row.csv", "id,description,label\n1,the shared phrase again,0\n"), input);
        var features = model.Transform(row).GetColumn<VBuffer<float>>(TransformChain.Features).Single();
        Assert.True(features.DenseValues().Count(v => v != 0) >= 10, $"non-zero: {features.DenseValues().Count(v => v != 0)} of {features.Length}");
    }
}
