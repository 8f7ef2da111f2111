using Pipeline.Engine.Parameters;

namespace Pipeline.Engine.Tests.Parameters;

public sealed class ParameterNamesTests
{
    [Theory]
    [InlineData("LearningRate", "learning-rate")]
    [InlineData("MLModel", "ml-model")]
    [InlineData("Threads", "threads")]
    [InlineData("learningRate", "learning-rate")]
    [InlineData("Model2Name", "model2-name")]
    [InlineData("max_depth", "max-depth")]
    [InlineData("IO", "io")]
    [InlineData("_Private", "private")]
    public void ToKebab_Name_Converted(string name, string expected) =>
        Assert.Equal(expected, ParameterNames.ToKebab(name));

    [Theory]
    [InlineData("learning-rate")]
    [InlineData("LearningRate")]
    [InlineData("LEARNING_RATE")]
    [InlineData("--learning_rate")]
    public void Normalize_AnySpelling_SameForm(string spelled) =>
        Assert.Equal("learningrate", ParameterNames.Normalize(spelled));
}
