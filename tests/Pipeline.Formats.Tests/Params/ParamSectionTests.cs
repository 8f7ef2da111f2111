using Pipeline.Formats.Params;

namespace Pipeline.Formats.Tests.Params;

public sealed class ParamSectionTests
{
    private static ParamSection Section(params (string Key, string Value)[] values) =>
        new("stage", values.ToDictionary(v => v.Key, v => v.Value), ["budget", "share", "name"], ["min"]);

    [Fact]
    public void Constructor_KeyWithTheSectionsPrefix_FailsSuggestingTheKeyWithout()
    {
        var error = Assert.Throws<ParamException>(() => Section(("stage.budget", "3")));

        Assert.Equal("Unknown parameter 'stage.stage.budget' in params.yaml. Did you mean 'stage.budget'? Known in 'stage': stage.budget, stage.share, stage.name, stage.min.*.", error.Message);
    }

    [Fact]
    public void Constructor_NothingClose_ListsTheKnownKeysWithoutSuggestion()
    {
        var error = Assert.Throws<ParamException>(() => Section(("completely_different", "3")));

        Assert.Equal("Unknown parameter 'stage.completely_different' in params.yaml. Known in 'stage': stage.budget, stage.share, stage.name, stage.min.*.", error.Message);
    }

    [Fact]
    public void Read_UndocumentedKey_IsAProgrammingError() =>
        Assert.Throws<InvalidOperationException>(() => Section().Integer("budjet", 1));

    [Fact]
    public void Read_AbsentOrEmpty_GivesTheFallback() =>
        Assert.Equal((4, 0.5, (string?)null), (Section(("budget", "")).Integer("budget", 4), Section().Fraction("share", 0.5), Section(("name", "  ")).Text("name")));

    [Theory]
    [InlineData("budget", "0", "params.yaml stage.budget is '0'; expected an integer from 1 to 10.")]
    [InlineData("budget", "2147483648", "params.yaml stage.budget is '2147483648'; expected an integer from 1 to 10.")]
    [InlineData("share", "Infinity", "params.yaml stage.share is 'Infinity'; expected a number between 0 and 1 (both excluded).")]
    [InlineData("share", "0,5", "params.yaml stage.share is '0,5'; expected a number between 0 and 1 (both excluded).")]
    public void Read_OutOfRangeOrUnparsable_NamesKeyValueAndRange(string key, string value, string message)
    {
        var section = Section((key, value));

        var error = Assert.Throws<ParamException>(() => key == "budget" ? section.Integer(key, 1, min: 1, max: 10) : section.Fraction(key, 0.5));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Group_EntriesUnderIt_KeysRelativeAndSorted() =>
        Assert.Equal([KeyValuePair.Create("auc", "0.8"), KeyValuePair.Create("f1", "0.5")], Section(("min.f1", "0.5"), ("min.auc", " 0.8 ")).Group("min"));

    [Theory]
    [InlineData("featurise", "Unknown section 'featurise' in params.yaml. Did you mean 'featurize'? Known sections: featurize, model, train.")]
    [InlineData("trn", "Unknown section 'trn' in params.yaml. Did you mean 'train'? Known sections: featurize, model, train.")]
    [InlineData("xyzzy", "Unknown section 'xyzzy' in params.yaml. Known sections: featurize, model, train.")]
    public void CheckSections_ASectionNobodyReads_NamesItAndTheClosestKnownOne(string section, string message)
    {
        var error = Assert.Throws<ParamException>(() => ParamSection.CheckSections(["model", section], ["train", "model", "featurize"]));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void CheckSections_OnlyKnownSections_Passes() =>
        ParamSection.CheckSections(["model", "train"], ["train", "model", "featurize"]);
}
