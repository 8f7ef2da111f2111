using Pipeline.Formats.Params;
using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Ml.Recommendation;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Validation;

/// <summary>Issue 12, bad input: Validate checks a recommendation snapshot's interaction columns first, one line each, and counts repeats and single-interaction users in the report.</summary>
public sealed class InteractionValidationTests : IDisposable
{
    private static readonly RecommendationColumns Columns = new("user_id", "item_id", "rating", "timestamp");
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ValidationOptions Options(string csv, RecommendationColumns columns) => new()
    {
        SnapshotPath = _dir.Write("data/raw/r.csv", csv), SchemaPath = _dir.Path("data/schema.yaml"),
        ValidatedPath = _dir.Path("data/validated/r.csv"), QuarantinePath = _dir.Path("data/quarantine/r.csv"),
        ReportJsonPath = _dir.Path("reports/validation.json"), ReportTextPath = _dir.Path("reports/validation.txt"),
        Label = columns.Rating ?? "", Task = MlTask.Recommendation, Interactions = columns,
    };

    private InvalidDataException Fails(string csv, RecommendationColumns columns)
    {
        var options = Options(csv, columns);
        var e = Assert.Throws<InvalidDataException>(() => Validator.Run(options));
        Assert.False(File.Exists(options.ValidatedPath), "nothing is written when the interactions are unusable");
        Assert.False(File.Exists(options.SchemaPath));
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Fact]
    public void Run_UserColumnNotInTheHeader_IsOneLineNamingTheSettingAndTheColumns()
    {
        var e = Fails("customer,item_id,rating,timestamp\nu1,a,5,1\n", Columns);

        Assert.Equal("r.csv: column 'user_id' (data.user in params.yaml) is not in the header. Columns: customer, item_id, rating, timestamp. Set data.user to one of them.", e.Message);
    }

    [Fact]
    public void Run_ItemColumnNotInTheHeader_NamesDataItem()
    {
        var e = Fails("user_id,movie,rating,timestamp\nu1,a,5,1\n", Columns);

        Assert.Contains("column 'item_id' (data.item in params.yaml)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RatingsThatAreNotNumbers_AreCountedInOneLineWithTheFirstRowAndTheFix()
    {
        var e = Fails("user_id,item_id,rating,timestamp\nu1,a,5,1\nu1,b,five,2\nu2,a,,3\nu2,b,n/a,4\n", Columns);

        Assert.Equal("r.csv: the rating column 'rating' (data.label) holds 2 values that are not numbers (first at line 3: 'five'); ratings must be numbers: fix those rows, set data.label to the rating column, or unset data.label for implicit feedback.", e.Message);
    }

    [Fact]
    public void Run_HeaderOnly_IsAnEmptyCatalogue()
    {
        var e = Fails("user_id,item_id,rating,timestamp\n", Columns);

        Assert.Equal("r.csv has no interactions: the catalogue is empty. Point ingest.* at a file with (user, item) rows.", e.Message);
    }

    [Fact]
    public void Run_EmptyItem_IsOneLineNamingTheRow()
    {
        var e = Fails("user_id,item_id,rating,timestamp\nu1,a,5,1\nu1,,4,2\n", Columns);

        Assert.Equal("r.csv line 3: the item column 'item_id' (data.item) is empty; every interaction needs an item: fill it in or remove the row.", e.Message);
    }

    [Fact]
    public void Run_RepeatedRowsAndSingleInteractionUsers_AreKeptAndCountedInTheReport()
    {
        // u1 rates a at time 1 three times and b once; u2 has one interaction; u3 two distinct ones.
        var options = Options("user_id,item_id,rating,timestamp\nu1,a,5,1\nu1,a,5,1\nu1,b,3,2\nu1,a,4,1\nu2,a,4,5\nu3,a,2,1\nu3,c,5,2\n", Columns);

        var report = Validator.Run(options);

        Assert.Equal(7, report.ValidatedRows);
        using var json = JsonDocument.Parse(File.ReadAllText(options.ReportJsonPath));
        var section = json.RootElement.GetProperty("interactions");
        Assert.Equal(3, section.GetProperty("users").GetInt64());
        Assert.Equal(3, section.GetProperty("items").GetInt64());
        Assert.Equal(1, section.GetProperty("repeated_interactions").GetInt64());
        Assert.Equal(["u1/a/1 ×3"], section.GetProperty("repeated_examples").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, section.GetProperty("single_interaction_users").GetInt64());
        Assert.Contains("Interactions: 3 users, 3 items; 1 (user, item, time) combinations repeated (u1/a/1 ×3); 1 users with a single interaction", File.ReadAllText(options.ReportTextPath), StringComparison.Ordinal);
        Assert.Contains(report.Notes, n => n.StartsWith("1 (user, item, time) combinations occur more than once", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.StartsWith("1 of 3 users have a single interaction", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_OtherTasks_HaveNoInteractionsSection()
    {
        var options = Options("user_id,item_id,rating,timestamp\nu1,a,5,1\nu1,b,3,2\n", Columns) with { Interactions = null, Task = MlTask.Regression };

        Validator.Run(options);

        using var json = JsonDocument.Parse(File.ReadAllText(options.ReportJsonPath));
        Assert.False(json.RootElement.TryGetProperty("interactions", out _));
    }

    [Fact]
    public void Run_ImplicitFeedbackWithoutALabel_ValidatesEveryRow()
    {
        var data = DataOptions.FromParams(new Dictionary<string, string> { ["task"] = "recommendation", ["user"] = "user_id", ["item"] = "item_id" });
        var columns = RecommendationColumns.From(data);
        var options = Options("user_id,item_id\nu1,a\nu1,b\nu2,a\n", columns) with { Label = data.Label };

        var report = Validator.Run(options);

        Assert.Null(columns.Rating);
        Assert.Equal(3, report.ValidatedRows);
        Assert.True(report.Passed);
        Assert.False(InteractionTable.Read(options.ValidatedPath, columns).IsExplicit);
    }

    [Fact]
    public void FromParams_NoLabel_IsStillRequiredForTheOtherTasks()
    {
        var e = Assert.Throws<ParamException>(() => DataOptions.FromParams(new Dictionary<string, string> { ["task"] = "binary" }));

        Assert.Contains("data.label is not set", e.Message, StringComparison.Ordinal);
    }
}
