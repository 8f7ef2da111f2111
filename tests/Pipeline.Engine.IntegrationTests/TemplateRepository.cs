namespace Pipeline.Engine.IntegrationTests;

/// <summary>
/// A repository compiled once per test run in a temporary folder; each test then gets its own copy, already compiled,
/// in a fresh temporary folder. The parameterless constructor (the xunit fixture) builds the engine fixture
/// (tests/fixtures/engine-repo plus src/Pipeline.Engine, src/Pipeline.Formats and the build props); <see cref="FromRealRepository"/> builds
/// the real reference pipeline without its data.
/// </summary>
public sealed class TemplateRepository : IDisposable
{
    /// <summary>What a template of the real repository holds, besides build/ and src/ (never data/, models/, reports/, dvc.lock, .dvc/).</summary>
    private static readonly string[] RealRepositoryFiles =
        ["params.yaml", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "BannedSymbols.txt", "BannedSymbols.Console.txt", "global.json", "build.sh",
         ".nuke/parameters.json", ".gitignore", ".nuke/.gitignore"];

    private static readonly string[] BuildFiles =
        ["Directory.Build.props", "Directory.Packages.props", ".editorconfig", "BannedSymbols.txt", "BannedSymbols.Console.txt", "global.json", "build.sh"];

    private readonly DirectoryInfo _template;
    private readonly string _copyPrefix;

    public TemplateRepository() : this("engine", CopyEngineFixture)
    {
    }

    private TemplateRepository(string name, Action<string, string> populate)
    {
        _template = Directory.CreateTempSubdirectory($"{name}-template-");
        _copyPrefix = $"{name}-repo-";
        try
        {
            populate(SourceTree.Root, _template.FullName);
            // NOTE: a from-scratch ReadyToRun compile takes one to several minutes, far more on a loaded machine.
            var result = new TestRepository(_template.FullName, owned: false).Run(TimeSpan.FromMinutes(20), "--help");
            if (result.ExitCode != 0) throw new InvalidOperationException($"Building the {name} template repository failed:\n" + result);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// The real repository's pipeline (build/, src/, params.yaml, the build props, global.json, build.sh, the .gitignore files and
    /// .nuke/parameters.json), compiled, with no data, models, reports, dvc.lock or .dvc/: a first run starts from scratch.
    /// </summary>
    public static TemplateRepository FromRealRepository() => new("reference", CopyRealRepository);

    /// <summary>The engine fixture's sources (not compiled) copied into <paramref name="directory"/>.</summary>
    public static TestRepository EngineFixtureSources(string directory)
    {
        CopyEngineFixture(SourceTree.Root, directory);
        return new TestRepository(directory, owned: false);
    }

    /// <summary>A compiled copy of the template in its own temporary folder.</summary>
    public TestRepository CreateCopy()
    {
        var dir = Directory.CreateTempSubdirectory(_copyPrefix);
        Copy(_template.FullName, dir.FullName, includeBuildOutput: true);
        return new TestRepository(dir.FullName, owned: true);
    }

    public void Dispose()
    {
        if (_template.Exists) new TestRepository(_template.FullName, owned: true).Dispose();
    }

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

    /// <summary>The engine and the one assembly it references.</summary>
    private static readonly string[] EngineProjects = ["Pipeline.Engine", "Pipeline.Formats"];

    private static void CopyEngineFixture(string source, string template)
    {
        Copy(Path.Combine(source, "tests", "fixtures", "engine-repo"), template);
        foreach (var project in EngineProjects)
            Copy(Path.Combine(source, "src", project), Path.Combine(template, "src", project));
        foreach (var file in BuildFiles)
            File.Copy(Path.Combine(source, file), Path.Combine(template, file));
    }

    private static void CopyRealRepository(string source, string template)
    {
        Copy(Path.Combine(source, "build"), Path.Combine(template, "build"));
        Copy(Path.Combine(source, "src"), Path.Combine(template, "src"));
        foreach (var file in RealRepositoryFiles)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(template, file))!);
            File.Copy(Path.Combine(source, file), Path.Combine(template, file));
        }
    }
}
