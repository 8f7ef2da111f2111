using Pipeline.Git.Registry;

namespace Pipeline.Git.Tests.Registry;

public sealed class SemVerTests
{
    [Fact]
    public void CompareTo_SemVerSpecExample_OrdersPrereleasesBeforeRelease()
    {
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0"];
        var shuffled = ordered.Reverse().Select(SemVer.Parse).ToList();
        shuffled.Sort();
        Assert.Equal(ordered, shuffled.Select(v => v.ToString()));
    }

    [Fact]
    public void CompareTo_BuildMetadata_IsIgnored()
    {
        Assert.Equal(0, SemVer.Parse("1.0.0+build.5").CompareTo(SemVer.Parse("1.0.0")));
        Assert.Equal("v1.0.0-rc.1+build.5", SemVer.Parse("v1.0.0-rc.1+build.5").ToTagString());
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3-01")]
    [InlineData("v")]
    [InlineData("latest")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(SemVer.TryParse(text, out _));

    [Theory]
    [InlineData("1.2.3", VersionBump.Patch, "1.2.4")]
    [InlineData("1.2.3", VersionBump.Minor, "1.3.0")]
    [InlineData("1.2.3", VersionBump.Major, "2.0.0")]
    [InlineData("1.2.3-rc.1+b", VersionBump.Patch, "1.2.4")]
    public void Bump_ResetsLowerPartsAndDropsPrerelease(string from, VersionBump bump, string expected) =>
        Assert.Equal(expected, SemVer.Parse(from).Bump(bump).ToString());

    [Fact]
    public void Parse_Invalid_NamesTheText()
    {
        var e = Assert.Throws<ArgumentException>(() => SemVer.Parse("1.x"));
        Assert.Contains("'1.x'", e.Message);
    }
}
