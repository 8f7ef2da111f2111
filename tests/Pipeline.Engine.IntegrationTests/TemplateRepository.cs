namespace Pipeline.Engine.IntegrationTests;

/// <summary>
/// Builds the fixture repository (tests/fixtures/engine-repo plus src/Pipeline.Engine and the build props) once per
/// test run; each test then gets its own copy, already compiled, in a fresh temporary folder.
/// </summary>
public sealed class TemplateRepository : IDisposable
{
    private readonly DirectoryInfo _template = Directory.CreateTempSubdirectory("engine-template-");

    public TemplateRepository()
    {
        var src = SourceTree.Root;
        Copy(Path.Combine(src, "tests", "fixtures", "engine-repo"), _template.FullName);
        Copy(Path.Combine(src, "src", "Pipeline.Engine"), Path.Combine(_template.FullName, "src", "Pipeline.Engine"));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "build.sh" })
            File.Copy(Path.Combine(src, file), Path.Combine(_template.FullName, file));
        var result = new TestRepository(_template.FullName, owned: false).Run("--help");
        if (result.ExitCode != 0) throw new InvalidOperationException("Building the fixture repository failed:\n" + result);
    }

    /// <summary>A compiled copy of the fixture in its own temporary folder.</summary>
    public TestRepository CreateCopy()
    {
        var dir = Directory.CreateTempSubdirectory("engine-repo-");
        Copy(_template.FullName, dir.FullName, includeBuildOutput: true);
        return new TestRepository(dir.FullName, owned: true);
    }

    public void Dispose() => _template.Delete(recursive: true);

    internal static void Copy(string from, string to, bool includeBuildOutput = false)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (!includeBuildOutput && name is "bin" or "obj") continue;
            Copy(dir, Path.Combine(to, name), includeBuildOutput);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TemplateCollection : ICollectionFixture<TemplateRepository>
{
    public const string Name = "engine repository";
}
