using System.Reflection;
using Pipeline.Engine.CodeHashing;

namespace Pipeline.Engine.Tests.CodeHashing;

/// <summary>The same source compiled from two checkouts (different directories, different depths) fingerprints the same.</summary>
public sealed class CodeFingerprintCheckoutPathTests(SampleCompiler compiler) : IClassFixture<SampleCompiler>
{
    // NOTE: a file-local type is named after a SHA-256 of its file's path, and [CallerFilePath] compiles the caller's
    // absolute path into its IL; both differ between checkouts when no path map is set.
    private const string Source = """
        using System;
        using System.Runtime.CompilerServices;
        namespace Sample;
        file static class Local { public static int Twice(int x) => x * 2; }
        public static class Where { public static string Caller([CallerFilePath] string path = "") => path; }
        public sealed class Build
        {
            public Action Train => () => Console.WriteLine(Local.Twice(21) + Where.Caller());
        }
        """;

    [Fact]
    public void Compute_SameSourceFromTwoCheckouts_IdenticalListing()
    {
        var shallow = Fingerprint("/tmp/a", "build/Build.cs");
        var deep = Fingerprint("/srv/ci/workspaces/job-17/other-name", "build/Build.cs");

        Assert.Equal(shallow.Listing, deep.Listing);
        Assert.Equal(shallow.Hash, deep.Hash);
        Assert.Contains("<Build>F[Sample]__Local::Twice(System.Int32):System.Int32", shallow.Listing, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_FileLocalTypeChanged_DifferentHashNamingIt()
    {
        var before = Fingerprint("/tmp/a", "build/Build.cs");
        var after = Fingerprint("/tmp/a", "build/Build.cs", Source.Replace("x * 2", "x * 3", StringComparison.Ordinal));

        Assert.NotEqual(before.Hash, after.Hash);
        var changed = after.Listing.Split('\n').Except(before.Listing.Split('\n')).Select(l => l[33..]).ToArray();
        Assert.Equal(["Sample.<Build>F[Sample]__Local::Twice(System.Int32):System.Int32"], changed);
    }

    [Fact]
    public void Compute_LiteralNamingTheCheckout_HashedWithoutIt()
    {
        var root = "/tmp/a";
        var assembly = compiler.Compile(Source, path: Path.Combine(root, "build/Build.cs"));
        var train = Train(assembly);

        var withRoot = CodeFingerprint.Compute([train], a => a == assembly, root);
        var withoutRoot = CodeFingerprint.Compute([train], a => a == assembly);

        Assert.NotEqual(withoutRoot.Hash, withRoot.Hash);
    }

    private CodeFingerprintResult Fingerprint(string root, string file, string source = Source)
    {
        var assembly = compiler.Compile(source, path: Path.Combine(root, file));
        return CodeFingerprint.Compute([Train(assembly)], a => a == assembly, root);
    }

    private static MethodInfo Train(Assembly assembly)
    {
        var build = assembly.GetType("Sample.Build", throwOnError: true)!;
        return ((Delegate)build.GetProperty("Train")!.GetValue(Activator.CreateInstance(build))!).Method;
    }
}
