using System.Text.Json;
using Pipeline.Engine.Primitives;
using Pipeline.Ml.Data;
using Pipeline.Ml.Gate;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Tests.Models;

public sealed class LabelSpaceTests
{
    [Theory]
    [InlineData("3.5", "3.5")]
    [InlineData("-2", "-2")]
    [InlineData("\"7.25\"", "7.25")]
    public void Parse_RegressionNumber_Accepted(string json, string stored) =>
        Assert.Equal(stored, Space(MlTask.Regression).Parse(Element(json), "body.label"));

    [Theory]
    [InlineData("\"maybe\"", "body.label: 'maybe' is not a label of m v0.0.1 (regression): expected a number.")]
    [InlineData("true", "body.label: 'true' is not a label of m v0.0.1 (regression): expected a number.")]
    [InlineData("\"1e999\"", "body.label: '1e999' is not a label")]
    [InlineData("null", "body.label: must be a number, not null.")]
    public void Parse_RegressionNotANumber_RejectedNamingTheField(string json, string message) =>
        Assert.StartsWith(message, Assert.Throws<RequestRejectedException>(() => Space(MlTask.Regression).Parse(Element(json), "body.label")).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_MulticlassKnownClass_AcceptedAndUnknownRejectedListingClasses()
    {
        var space = Space(MlTask.Multiclass, "5", "6", "7");

        Assert.Equal(("6", "7"), (space.Parse(Element("\"6\""), "body.label"), space.Parse(Element("7"), "body.label")));
        var error = Assert.Throws<RequestRejectedException>(() => space.Parse(Element("\"12345\""), "body[2].label"));
        Assert.Equal("body[2].label: '12345' is not a label of m v0.0.1 (multiclass): expected one of 5, 6, 7.", error.Message);
    }

    [Fact]
    public void Parse_BinaryWithNamedClasses_OnlyThoseNames()
    {
        var space = Space(MlTask.Binary, "fraud", "legit");

        Assert.Equal("fraud", space.Parse(Element("\"fraud\""), "body.label"));
        Assert.Contains("expected one of fraud, legit", Assert.Throws<RequestRejectedException>(() => space.Parse(Element("true"), "body.label")).Message, StringComparison.Ordinal);
    }

    private static LabelSpace Space(MlTask task, params string[] classes) => new("m", ModelVersion.Parse("v0.0.1"), task, classes);

    private static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
