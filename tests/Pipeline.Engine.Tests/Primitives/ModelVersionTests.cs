using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Tests.Primitives;

/// <summary>The one model version of the registry folder, the git tags and the serving host.</summary>
public sealed class ModelVersionTests
{
    [Fact]
    public void CompareTo_SemVerSpecExample_OrdersPrereleasesBeforeRelease()
    {
        string[] ordered = ["v1.0.0-alpha", "v1.0.0-alpha.1", "v1.0.0-alpha.beta", "v1.0.0-beta", "v1.0.0-beta.2", "v1.0.0-beta.11", "v1.0.0-rc.1", "v1.0.0", "v1.0.1", "v1.1.0", "v2.0.0", "v10.0.0"];
        var shuffled = ordered.Reverse().Select(ModelVersion.Parse).ToList();
        shuffled.Sort();
        Assert.Equal(ordered, shuffled.Select(v => v.ToString()));
    }

    [Fact]
    public void CompareTo_BuildMetadata_IsIgnored()
    {
        Assert.Equal(0, ModelVersion.Parse("v1.0.0+build.5").CompareTo(ModelVersion.Parse("v1.0.0")));
        Assert.Equal("v1.0.0-rc.1+build.5", ModelVersion.Parse("v1.0.0-rc.1+build.5").ToString());
    }

    [Theory]
    [InlineData("v1.2")]
    [InlineData("v01.2.3")]
    [InlineData("v1.2.3-01")]
    [InlineData("v")]
    [InlineData("latest")]
    [InlineData("1.2.3")]
    [InlineData("")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(ModelVersion.TryParse(text, out _));

    [Theory]
    [InlineData("v1.2.3", VersionBump.Patch, "v1.2.4")]
    [InlineData("v1.2.3", VersionBump.Minor, "v1.3.0")]
    [InlineData("v1.2.3", VersionBump.Major, "v2.0.0")]
    [InlineData("v1.2.3-rc.1+b", VersionBump.Patch, "v1.2.4")]
    public void Next_ResetsLowerPartsAndDropsPrerelease(string from, VersionBump bump, string expected) =>
        Assert.Equal(expected, ModelVersion.Parse(from).Next(bump).ToString());

    [Fact]
    public void First_IsV001_AndEqualsItsParsedText()
    {
        Assert.Equal("v0.0.1", ModelVersion.First.ToString());
        Assert.Equal(ModelVersion.First, ModelVersion.Parse("v0.0.1"));
        Assert.Equal(new ModelVersion(0, 0, 1), ModelVersion.First);
    }

    [Fact]
    public void Parse_Invalid_NamesTheTextAndTheForm()
    {
        var e = Assert.Throws<FormatException>(() => ModelVersion.Parse("1.x"));
        Assert.Contains("'1.x'", e.Message);
        Assert.Contains("v0.0.1", e.Message);
    }
}
