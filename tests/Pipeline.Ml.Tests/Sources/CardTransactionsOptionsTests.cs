using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Sources;
using Pipeline.Ml.Tests.Data;

namespace Pipeline.Ml.Tests.Sources;

public sealed class CardTransactionsOptionsTests
{
    [Theory]
    [InlineData("row", "10", "Unknown parameter 'source.row' in params.yaml. Did you mean 'source.rows'?")]
    [InlineData("rows", "1e3", "params.yaml source.rows is '1e3'; expected an integer >= 1.")]
    [InlineData("seed", "-1", "params.yaml source.seed is '-1'; expected an integer >= 0.")]
    [InlineData("night_share", "1.5", "params.yaml source.night_share is '1.5'; expected a number from 0 to 1.")]
    [InlineData("amount_shift", "NaN", "params.yaml source.amount_shift is 'NaN'; expected a number >= 0.")]
    public void FromParams_UnknownKeyOrInvalidValue_FailsNamingIt(string key, string value, string message)
    {
        var error = Assert.Throws<ParamException>(() => CardTransactionsOptions.FromParams(new Dictionary<string, string> { [key] = value }));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Generate_EachDocumentedKey_ChangesTheRows()
    {
        string Generate(IReadOnlyDictionary<string, string> section)
        {
            var settings = new Dictionary<string, string> { ["rows"] = "300" };
            foreach (var (key, value) in section) settings[key] = value;
            var options = CardTransactionsOptions.FromParams(settings);
            return string.Join("\n", CardTransactionsSource.Generate(options, 1, options.StartTime, options.Rows));
        }

        DocumentedKeys.EachChangesOutput(CardTransactionsOptions.Keys, Generate,
        [
            new("rows", "301"),
            new("seed", "7"),
            new("rows_per_day", "50"),
            new("amount_shift", "2"),
            new("new_country_share", "0.5"),
            new("fraud_rate_multiplier", "5"),
            new("night_share", "0.5"),
        ]);
    }
}
