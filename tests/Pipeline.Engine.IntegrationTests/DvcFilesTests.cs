namespace Pipeline.Engine.IntegrationTests;

[Collection(TemplateCollection.Name)]
public sealed class DvcFilesTests(TemplateRepository template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Build_WritesLockEntriesDvcStyle()
    {
        _repo.Run();

        var lockText = _repo.Read("dvc.lock");
        Assert.StartsWith("schema: '2.0'\nstages:\n", lockText);
        Assert.Contains("""
              Prepare:
                cmd: ./build.sh Prepare --skip
                deps:
                - path: .nuke/code/Prepare.txt
            """.Replace("\r", ""), lockText);
        Assert.Contains("""
                - path: input/raw.txt
                  hash: md5
                  md5: 6f5902ac237024bdd0c176cb93063dc4
                  size: 12
                params:
                  params.yaml:
                    prep:
                      suffix: '!'
                outs:
                - path: out/prepared.txt
                  hash: md5
            """.Replace("\r", ""), lockText);
    }

    [Fact]
    public void Build_CachesOutputsReadOnlyInDvcLayout()
    {
        _repo.Run();

        var md5 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(File.ReadAllBytes(_repo.PathOf("out/prepared.txt"))));
        var cached = _repo.PathOf($".dvc/cache/files/md5/{md5[..2]}/{md5[2..]}");
        Assert.True(File.Exists(cached));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(cached));
        Assert.Contains("/prepared.txt", _repo.Read("out/.gitignore"));
        Assert.Contains("/side", _repo.Read("out/.gitignore"));
        Assert.True(Directory.EnumerateFiles(_repo.PathOf(".dvc/cache/runs"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void Build_WritesDvcYamlAndRepositoryMarker()
    {
        _repo.Run();

        var yaml = _repo.Read("dvc.yaml");
        Assert.Contains("  Count:\n    cmd: ./build.sh Count --skip\n", yaml);
        Assert.Contains("- metrics.json", yaml);
        Assert.Equal("/config.local\n/tmp\n/cache\n", _repo.Read(".dvc/.gitignore"));
        Assert.True(File.Exists(_repo.PathOf(".dvc/config")));
    }
}
