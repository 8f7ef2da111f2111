using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;

namespace Pipeline.Ml.Tests.Data;

public sealed class ParamValueTests
{
    [Fact]
    public void Choice_SnakeCaseName_ParsesMember() =>
        Assert.Equal(ImputationStrategy.MostFrequent, ParamValue.Choice<ImputationStrategy>("featurize.imputation", "most_frequent"));

    [Theory]
    [InlineData("1")]
    [InlineData("average")]
    public void Choice_NumberOrUnknownName_ThrowsQuotingKeyAndChoices(string value)
    {
        var error = Assert.Throws<ParamException>(() => ParamValue.Choice<ImputationStrategy>("featurize.imputation", value));
        Assert.StartsWith($"params.yaml featurize.imputation is '{value}'; expected one of: ", error.Message);
    }

    [Fact]
    public void Integer_BelowMinimum_ThrowsNamingMinimum()
    {
        var error = Assert.Throws<ParamException>(() => ParamValue.Integer("ingest.page_size", "0", 1));
        Assert.Equal("params.yaml ingest.page_size is '0'; expected an integer >= 1.", error.Message);
    }

    [Fact]
    public void FeaturizerOptionsFromParams_BadNumber_ThrowsNamingKey()
    {
        var error = Assert.Throws<ParamException>(() => FeaturizerOptions.FromParams(new Dictionary<string, string> { ["test_fraction"] = "a fifth" }));
        Assert.Contains("featurize.test_fraction", error.Message);
    }
}
