namespace Pipeline.Engine.Tests.Params;

/// <summary>One parsed params.yaml per invocation: what the definitions, the start-up check and the run read.</summary>
public sealed class ParsedParamsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pe-params-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string ParamsFile => Path.Combine(_dir.FullName, "params.yaml");

    [Fact]
    public void ParamsValueAndSection_ReadOneParsedCopy()
    {
        File.WriteAllText(ParamsFile, "train:\n  lr: 0.1\n  layers: [2, 3]\n");
        var build = new ReadingBuild { RootDirectory = _dir.FullName };

        Assert.Equal("0.1", build.Value("train.lr"));
        var parsed = build.ParsedParams;
        File.WriteAllText(ParamsFile, "train:\n  lr: 0.2\n");

        Assert.Same(parsed, build.ParsedParams);
        Assert.Equal("0.1", build.Section("train")["lr"]);
        Assert.Equal("2,3", build.Section("train")["layers"]);
    }

    [Fact]
    public void CurrentParams_FileUnchanged_IsTheParsedCopy()
    {
        File.WriteAllText(ParamsFile, "train:\n  lr: 0.1\n");
        var build = new ReadingBuild { RootDirectory = _dir.FullName };

        Assert.Same(build.ParsedParams, build.CurrentParams());
    }

    [Fact]
    public void CurrentParams_FileReplacedSinceRead_ReadsItAgain()
    {
        File.WriteAllText(ParamsFile, "train:\n  lr: 0.1\n");
        var build = new ReadingBuild { RootDirectory = _dir.FullName };
        Assert.Equal("0.1", build.Value("train.lr"));

        var replacement = ParamsFile + ".new";
        File.WriteAllText(replacement, "train:\n  lr: 0.2\n");
        File.Move(replacement, ParamsFile, overwrite: true);

        Assert.True(build.CurrentParams().TryGet("train.lr", out var lr));
        Assert.Equal(0.2, lr);
        Assert.Equal("0.2", build.Value("train.lr"));
    }

    [Fact]
    public void ParsedParams_NoFile_IsEmpty()
    {
        var build = new ReadingBuild { RootDirectory = _dir.FullName };

        Assert.Null(build.Value("train.lr"));
        Assert.Empty(build.Section("train"));
        Assert.Same(build.ParsedParams, build.CurrentParams());
    }

    private sealed class ReadingBuild : PipelineBuild
    {
        public string? Value(string key) => ParamsValue(key);

        public IReadOnlyDictionary<string, string> Section(string section) => ParamsSection(section);
    }
}
