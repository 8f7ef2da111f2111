namespace Pipeline.Engine.IntegrationTests;

[Collection(TemplateCollection.Name)]
public sealed class CodeChangeTests(TemplateRepository template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    private void Edit(string marker, string newLine)
    {
        var lines = _repo.Read("build/Text.cs").Split('\n');
        var i = Array.FindIndex(lines, l => l.Contains("// EDIT:" + marker));
        lines[i] = newLine + " // EDIT:" + marker;
        _repo.Write("build/Text.cs", string.Join('\n', lines));
    }

    [Fact]
    public void Build_CodeOfATargetChanged_RerunsThatTargetOnly()
    {
        _repo.Run();
        Edit("Count", "    public static string Count(string s) => (s.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);");

        var result = _repo.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        var statuses = _repo.Statuses();
        Assert.Equal("skipped", statuses["Prepare"]);
        Assert.Equal("executed", statuses["Count"]);
        Assert.Equal("code changed", _repo.Reasons()["Count"]);
        Assert.Equal("executed", statuses["Report"]); // its input changed
        Assert.Equal("skipped", statuses["Side"]);
        Assert.Equal("14", _repo.Read("out/count.txt"));
        Assert.Contains("Text::Count", _repo.Read(".nuke/code/Count.txt"));
    }

    [Fact]
    public void Build_CodeNoTargetRunsChanged_RerunsNothing()
    {
        _repo.Run();
        Edit("Unused", "    public static string Unused(string s) => s + \"changed\";");

        var result = _repo.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("compiling", result.Stderr);
        Assert.All(_repo.Statuses().Values, s => Assert.Equal("skipped", s));
    }
}
