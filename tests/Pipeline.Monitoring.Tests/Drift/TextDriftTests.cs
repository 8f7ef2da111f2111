using Pipeline.Formats.Columns;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Tests.Drift;

/// <summary>Free text drifts by a domain classifier over its words, on real utterances (data/examples/intents.csv).</summary>
public sealed class TextDriftTests
{
    private static readonly string[] Banking =
    [
        "check_balance", "card_lost", "card_activate", "pin_change", "open_account", "close_account", "loan_info",
        "bill_payment", "exchange_rate", "find_atm", "branch_hours", "transfer_money",
    ];

    private static readonly string[] Leisure = ["book_flight", "book_hotel", "order_food", "joke", "greeting", "goodbye", "weather", "play_music", "set_alarm", "time", "track_order", "return_item"];

    /// <summary>The (text, intent) rows of data/examples/intents.csv.</summary>
    private static (string Text, string Label)[] Intents()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above the tests."), "data", "examples", "intents.csv");
        return [.. File.ReadLines(path).Skip(1).Select(l => (l[..l.LastIndexOf(',')], l[(l.LastIndexOf(',') + 1)..]))];
    }

    private static DriftDataset Texts(IEnumerable<string> texts) => new([DatasetColumn.Categorical("text", [.. texts], ColumnKind.Text)]);

    [Fact]
    public void Analyze_TextColumn_UsesTheDomainClassifier()
    {
        Assert.Equal(DriftMethod.DomainClassifier, ColumnDriftCalculator.ChooseMethod("text", ColumnKind.Text, 10, new DriftOptions()));
        Assert.Equal(DriftMethod.DomainClassifier, ColumnDriftCalculator.ChooseMethod("text", ColumnKind.Text, 100_000, new DriftOptions()));
        Assert.Equal(DriftMethod.ChiSquare, ColumnDriftCalculator.ChooseMethod("c", ColumnKind.Categorical, 10, new DriftOptions()));
    }

    [Fact]
    public void Analyze_SameIntentsSplitInTwo_NoDrift()
    {
        var rows = Intents();
        var shuffled = rows.ToArray();
        new Random(3).Shuffle(shuffled);
        var (reference, current) = (shuffled[..150].Select(r => r.Text), shuffled[150..].Select(r => r.Text));

        var column = new DriftAnalyzer().Analyze(Texts(reference), Texts(current)).Columns.Single();

        Assert.Equal(DriftMethod.DomainClassifier, column.Method);
        Assert.Equal("roc_auc", column.EffectSizeMeasure);
        Assert.False(column.Drift, $"AUC {column.Statistic} >= {column.Threshold}");
        Assert.True(column.Threshold > 0.55, "a 75-vs-75 held-out AUC is noisy, so the margin raises the threshold");
        Assert.True(column.PValue > 0.01);
    }

    [Fact]
    public void Analyze_OtherIntentsVocabulary_Drifts()
    {
        var rows = Intents();
        var reference = rows.Where(r => Banking.Contains(r.Label)).Select(r => r.Text);
        var current = rows.Where(r => Leisure.Contains(r.Label)).Select(r => r.Text);

        var column = new DriftAnalyzer().Analyze(Texts(reference), Texts(current)).Columns.Single();

        Assert.True(column.Drift, $"AUC {column.Statistic} < {column.Threshold}");
        Assert.True(column.Statistic > 0.8);
        Assert.True(column.PValue < 0.001);
    }

    [Fact]
    public void Analyze_SameInputs_SameAuc()
    {
        var rows = Intents();
        var (reference, current) = (rows[..200].Select(r => r.Text).ToArray(), rows[200..].Select(r => r.Text).ToArray());
        var first = new DriftAnalyzer().Analyze(Texts(reference), Texts(current)).Columns.Single();
        var second = new DriftAnalyzer().Analyze(Texts(reference), Texts(current)).Columns.Single();
        Assert.Equal(first.Statistic, second.Statistic);
    }

    [Fact]
    public void Analyze_ForcedChiSquare_StillComparesTextAsLabels()
    {
        var rows = Intents();
        var options = new DriftOptions { Columns = new Dictionary<string, ColumnDriftOptions> { ["text"] = new(DriftMethod.ChiSquare) } };
        var column = new DriftAnalyzer(options).Analyze(Texts(rows[..150].Select(r => r.Text)), Texts(rows[150..].Select(r => r.Text))).Columns.Single();
        Assert.Equal(DriftMethod.ChiSquare, column.Method);
    }

    [Fact]
    public void ChooseMethod_DomainClassifierOnCategorical_ThrowsNamingAlternatives()
    {
        var options = new DriftOptions { Columns = new Dictionary<string, ColumnDriftOptions> { ["c"] = new(DriftMethod.DomainClassifier) } };
        var error = Assert.Throws<ArgumentException>(() => ColumnDriftCalculator.ChooseMethod("c", ColumnKind.Categorical, 10, options));
        Assert.Contains("chi2, psi or js", error.Message);
    }
}
