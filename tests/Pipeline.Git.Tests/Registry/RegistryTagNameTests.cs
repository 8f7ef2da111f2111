using Pipeline.Git.Registry;

namespace Pipeline.Git.Tests.Registry;

public sealed class RegistryTagNameTests
{
    [Theory]
    [InlineData("churn@v1.2.3", "churn", "Register", "v1.2.3", null, null)]
    [InlineData("churn@v1.2.3!", "churn", "Deregister", "v1.2.3", null, null)]
    [InlineData("churn@v1.0.0-rc.1+build.5", "churn", "Register", "v1.0.0-rc.1+build.5", null, null)]
    [InlineData("churn#prod#3", "churn", "Assign", null, "prod", 3)]
    [InlineData("churn#prod", "churn", "Assign", null, "prod", null)]
    [InlineData("churn#prod!#4", "churn", "Unassign", null, "prod", 4)]
    [InlineData("churn@deprecated", "churn", "Deprecate", null, null, null)]
    [InlineData("churn@deprecated#7", "churn", "Deprecate", null, null, 7)]
    [InlineData("path/to=churn@v1.0.0", "path/to:churn", "Register", "v1.0.0", null, null)]
    [InlineData("models/Churn_v2#staging#1", "models/Churn_v2", "Assign", null, "staging", 1)]
    public void TryParse_GtoTag_ParsesParts(string tag, string artifact, string action, string? version, string? stage, int? counter)
    {
        var parsed = RegistryTagName.TryParse(tag);
        Assert.Equal(new RegistryTagName(artifact, Enum.Parse<RegistryAction>(action), version, stage, counter), parsed);
        Assert.Equal(tag, parsed!.Format());
    }

    [Theory]
    [InlineData("v1.0.0")]
    [InlineData("churn@1.0.0")]
    [InlineData("churn@v1.0")]
    [InlineData("-churn@v1.0.0")]
    [InlineData("churn-@v1.0.0")]
    [InlineData("churn#prod#x")]
    [InlineData("churn#prod#1!")]
    [InlineData("release-2024")]
    public void TryParse_NotAGtoTag_ReturnsNull(string tag) => Assert.Null(RegistryTagName.TryParse(tag));

    [Fact]
    public void IsValidArtifact_SubdirectoryName_UsesColon()
    {
        Assert.True(RegistryTagName.IsValidArtifact("path/to:churn"));
        Assert.False(RegistryTagName.IsValidArtifact("path/to=churn"));
        Assert.False(RegistryTagName.IsValidArtifact("churn@v1"));
    }
}
