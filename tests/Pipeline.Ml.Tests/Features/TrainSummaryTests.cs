using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Features;

public sealed class TrainSummaryTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Summarise_BatchesOnSeveralWorkers_SameResultsAsOnePassInOrder(int workers)
    {
        using var dir = new TestDirectory();
        // NOTE: more rows than the profile's row sample holds; categories first seen late in the file; a derived feature.
        var rows = string.Concat(Enumerable.Range(0, 12_000).Select(i =>
            $"{i * 0.37 % 101},{(i * 7919 % 12_000 < 40 ? "" : (i * 31 % 12_007).ToString(System.Globalization.CultureInfo.InvariantCulture))},c{i * i % 53},word{i % 7} and more,{(i % 5 == 0 ? "yes" : "no")}\n"));
        var csv = dir.Write("train.csv", "x,z,c,t,y\n" + rows);
        var schema = SchemaInference.Infer(csv, "y", MlTask.Binary);
        var derived = new[] { DerivedFeature.Parse("ratio: x/z") };
        var expected = TrainSummary.Read(csv, schema, ["x", "z"], derived, mode: true, profile: true);

        TrainSummary summary;
        using (var reader = new CsvSnapshotReader(csv))
        {
            summary = new TrainSummary(schema, reader.Header, ["x", "z"], derived, mode: true, profile: true);
            using var background = new BackgroundRows(summary.Summarise, reader.Header.Count, workers);
            while (reader.ReadRow(background.Block)) background.Keep();
            background.Complete();
        }
        summary.Finish();

        Assert.Equal(Describe(expected), Describe(summary));
        Assert.Equal(expected.Terms.Terms.Select(t => string.Join(",", t)), summary.Terms.Terms.Select(t => string.Join(",", t)));
        Assert.Equal(expected.LabelCounts.OrderBy(l => l.Key), summary.LabelCounts.OrderBy(l => l.Key));
        Assert.Equal(expected.Profile!.Finish(csv).ToJson(), summary.Profile!.Finish(csv).ToJson());
    }

    private static List<string> Describe(TrainSummary summary) =>
        [.. summary.Statistics.Build().Select(s => $"{s with { Kept = [] }} {s.Rows} {s.Count} {s.Min} {s.Max} {string.Join(" ", s.Kept)}")];
}
