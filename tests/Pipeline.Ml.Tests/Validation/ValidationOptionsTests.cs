using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Tests.Data;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Validation;

public sealed class ValidationOptionsTests
{
    private const string Reference =
        "id,amount,merchant,note,flag,label\n1,10,a,abcdefghij,x,yes\n2,20,b,bcdefghijk,y,no\n3,30,c,cdefghijkl,x,yes\n4,40,a,abcdefghij,y,no\n5,25,b,bcdefghijk,x,no\n6,35,c,cdefghijkl,y,no\n";

    private const string Current =
        "id,amount,merchant,note,flag,label\n7,,a,abcdefghij,x,yes\n8,,b,bcdefghijk,y,yes\n9,45,c,cdefghijkl,x,yes\n10,20,a,abcdefghij,y,yes\n11,30,b,bcdefghijk,x,no\n11,15,c,cdefghijkl,y,no\n";

    private static ValidationOptions Options(TestDirectory dir, DataOptions data) => new()
    {
        SnapshotPath = dir.Path("data/raw/t.csv"), SchemaPath = dir.Path("data/schema.yaml"),
        ValidatedPath = dir.Path("data/validated/t.csv"), QuarantinePath = dir.Path("data/quarantine/t.csv"),
        ReportJsonPath = dir.Path("reports/validation.json"), ReportTextPath = dir.Path("reports/validation.txt"),
        Label = data.Label, Task = data.Task, Inference = new InferenceOptions { Key = data.Key, PositiveClass = data.PositiveClass },
    };

    /// <summary>Infers the schema from <see cref="Reference"/> and validates <see cref="Current"/> against it; the digest of every output.</summary>
    private static string Validate(IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, string> validate)
    {
        using var dir = new TestDirectory();
        var options = Options(dir, DataOptions.FromParams(data)).WithParams(validate);
        dir.Write("data/raw/t.csv", Reference);
        Validator.Run(options);
        dir.Write("data/raw/t.csv", Current);
        try { Validator.Run(options); }
        catch (ValidationException) { }
        return DocumentedKeys.Digest(options.SchemaPath, options.ValidatedPath, options.QuarantinePath, options.ReportJsonPath);
    }

    private static readonly Dictionary<string, string> Data = new() { ["label"] = "label", ["task"] = "binary" };

    [Theory]
    [InlineData("null_rate", "0.5", "Unknown parameter 'validate.null_rate' in params.yaml. Did you mean 'validate.null_rate_jump'?")]
    [InlineData("null_rate_jump", "2", "params.yaml validate.null_rate_jump is '2'; expected a number from 0 to 1.")]
    [InlineData("label_shift", "a lot", "params.yaml validate.label_shift is 'a lot'; expected a number from 0 to 1.")]
    [InlineData("range_tolerance", "-0.1", "params.yaml validate.range_tolerance is '-0.1'; expected a number >= 0.")]
    [InlineData("max_examples", "-1", "params.yaml validate.max_examples is '-1'; expected an integer >= 0.")]
    [InlineData("max_categories", "0", "params.yaml validate.max_categories is '0'; expected an integer >= 1.")]
    [InlineData("text_min_length", "long", "params.yaml validate.text_min_length is 'long'; expected an integer >= 1.")]
    [InlineData("severity.nope", "error", "Unknown validation check 'nope' in params.yaml validate.severity.nope. Known checks: missing_column, ")]
    [InlineData("severity.out_of_range", "fatal", "params.yaml validate.severity.out_of_range is 'fatal'; expected error or warning.")]
    [InlineData("kinds.amount", "float", "params.yaml validate.kinds.amount is 'float'; expected one of: numeric, categorical, boolean, text, date.")]
    public void WithParams_UnknownKeyOrInvalidValue_FailsNamingIt(string key, string value, string message)
    {
        using var dir = new TestDirectory();
        var options = Options(dir, DataOptions.FromParams(Data));

        var error = Assert.Throws<ParamException>(() => options.WithParams(new Dictionary<string, string> { [key] = value }));

        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData("lable", "label", "Unknown parameter 'data.lable' in params.yaml. Did you mean 'data.label'?")]
    [InlineData("task", "classification", "params.yaml data.task is 'classification'; expected one of: binary, multiclass, regression, recommendation.")]
    [InlineData("label", "", "params.yaml data.label is not set; set it to the label column (e.g. --set data.label=is_fraud).")]
    public void DataFromParams_UnknownKeyOrInvalidValue_FailsNamingIt(string key, string value, string message)
    {
        var error = Assert.Throws<ParamException>(() => DataOptions.FromParams(new Dictionary<string, string>(Data) { [key] = value }));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Run_EachDocumentedValidateKey_ChangesTheOutputs() =>
        DocumentedKeys.EachChangesOutput([.. ValidationOptions.Keys, .. ValidationOptions.Groups], validate => Validate(Data, validate),
        [
            new("null_rate_jump", "0.9"),
            new("label_shift", "0.9"),
            new("range_tolerance", "0.5"),
            new("max_examples", "0"),
            new("max_categories", "2"),
            new("text_min_length", "5"),
            new("severity", "error", Setting: "severity.out_of_range"),
            new("kinds", "categorical", Setting: "kinds.amount"),
        ]);

    [Fact]
    public void Run_EachDocumentedDataKey_ChangesTheOutputs() =>
        DocumentedKeys.EachChangesOutput(DataOptions.Keys, data => Validate(new Dictionary<string, string>(Data).Concat(data).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value), new Dictionary<string, string>()),
        [
            new("label", "flag"),
            new("task", "multiclass"),
            new("key", "id"),
            new("positive_class", "no"),
        ],
        // NOTE: a recommendation dataset's columns; Featurize, Train and Evaluate read them (RecommendationColumns), Validate does not.
        withoutEffect: ["user", "item", "time"]);
}
