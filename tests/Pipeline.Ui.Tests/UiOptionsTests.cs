using Microsoft.Extensions.Options;
using Pipeline.Ui.Security;

namespace Pipeline.Ui.Tests;

public sealed class UiOptionsTests
{
    [Fact]
    public void Validate_NonLoopbackWithoutToken_IsRefused()
    {
        var options = new UiOptions { RootDirectory = Path.GetTempPath(), BindAddress = "0.0.0.0" };

        var problem = Assert.Single(options.Validate());

        Assert.Equal("BindAddress 0.0.0.0 is not loopback: set an admin token (--admin-token) so that the UI is not open to the network without one.", problem);
    }

    [Fact]
    public void Build_BadOptions_ListsEveryProblem()
    {
        var options = new UiOptions { RootDirectory = "relative/dir", BindAddress = "localhost", Port = 70000 };

        var e = Assert.Throws<OptionsValidationException>(() => UiHost.Build(options));

        Assert.Equal(3, e.Failures.Count());
    }

    [Fact]
    public void Defaults_AreLoopbackOnPort5090()
    {
        var options = new UiOptions { RootDirectory = Path.GetTempPath() };

        Assert.Equal(("127.0.0.1", 5090), (options.BindAddress, options.Port));
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("token", "token", true)]
    [InlineData("token", "tokem", false)]
    [InlineData("token", "token2", false)]
    [InlineData("tökén", "tökén", true)]
    public void AdminGate_Matches_ComparesExactly(string given, string configured, bool expected) =>
        Assert.Equal(expected, AdminGate.Matches(given, configured));
}
