using Microsoft.CodeAnalysis;

namespace Pipeline.Engine.Tests.CodeHashing;

public sealed class CodeFingerprintTests(SampleCompiler compiler) : IClassFixture<SampleCompiler>
{
    private Pipeline.Engine.CodeHashing.CodeFingerprintResult Baseline => SampleBuild.Fingerprint(compiler.Cached(SampleBuild.Source));

    private Pipeline.Engine.CodeHashing.CodeFingerprintResult Variant(string original, string replacement) =>
        SampleBuild.Fingerprint(compiler.Compile(SampleBuild.With(original, replacement)));

    [Fact]
    public void Compute_SameSourceCompiledTwice_SameHashAndListing()
    {
        var again = SampleBuild.Fingerprint(compiler.Compile(SampleBuild.Source));

        Assert.Equal(Baseline.Listing, again.Listing);
        Assert.Equal(Baseline.Hash, again.Hash);
    }

    [Theory]
    [InlineData("x * 3 + Settings.Limit", "x * 4 + Settings.Limit")]
    [InlineData("Limit = 10", "Limit = 11")]
    [InlineData("\"ab\".Length", "\"abc\".Length")]
    public void Compute_ChangeInTransitivelyCalledMethod_DifferentHashNamingThatMethod(string original, string replacement)
    {
        var changed = Variant(original, replacement);

        Assert.NotEqual(Baseline.Hash, changed.Hash);
        var differing = ChangedLines(Baseline.Listing, changed.Listing);
        Assert.Equal(["Sample.Helpers::Deep(System.Int32):System.Int32"], differing);
    }

    [Fact]
    public void Compute_UnrelatedMembersAndClassesAdded_SameHash()
    {
        var changed = Variant("public sealed class Build\n{", """
            public static class Extra { public static string Hello() => "hello"; }
            public sealed class Build
            {
                public Action Earlier => () => Console.WriteLine("earlier");
                public Func<Task> EarlierAsync => async () => await Task.Delay(1);
                public static int Spare(int x) => x + 1;
            """);

        Assert.Equal(Baseline.Listing, changed.Listing);
        Assert.Equal(Baseline.Hash, changed.Hash);
    }

    [Theory]
    [InlineData("Unreached() => 42", "Unreached() => 43")]
    [InlineData("Console.WriteLine(\"ingest\")", "Console.WriteLine(\"ingest more\")")]
    public void Compute_ChangeInCodeTheTargetDoesNotReach_SameHash(string original, string replacement)
    {
        var changed = Variant(original, replacement);

        Assert.Equal(Baseline.Hash, changed.Hash);
    }

    [Theory]
    [InlineData("return x + 7;", "return x + 8;")]
    [InlineData("Score(int x) => x * 2;", "Score(int x) => x * 5;")]
    [InlineData("Score(int x) => x * 3;", "Score(int x) => x * 4;")]
    [InlineData("Name = \"alpha\"", "Name = \"beta\"")]
    [InlineData("Description(\"score\")", "Description(\"label\")")]
    // NOTE: the second interface case is conservative: TripleScorer is never constructed by Train, but every
    // implementation of an interface method called through the interface counts.
    public void Compute_ChangeInAwaitedHelperImplementationInitializerOrDataShape_DifferentHash(string original, string replacement)
    {
        var changed = Variant(original, replacement);

        Assert.NotEqual(Baseline.Hash, changed.Hash);
    }

    [Fact]
    public void Compute_RecursiveAndMutuallyRecursiveMethods_EachListedOnce()
    {
        var lines = Baseline.Listing.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Single(lines, l => l.EndsWith(" Sample.Helpers::Count(System.Int32):System.Int32", StringComparison.Ordinal));
        Assert.Single(lines, l => l.EndsWith(" Sample.Helpers::Even(System.Int32):System.Int32", StringComparison.Ordinal));
        Assert.Single(lines, l => l.EndsWith(" Sample.Helpers::Odd(System.Int32):System.Int32", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_Listing_IsSortedBySignatureAndNamesReachedCodeAndOutsideAssemblies()
    {
        var lines = Baseline.Listing.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(lines.OrderBy(l => l[(l.IndexOf(' ') + 1)..], StringComparer.Ordinal), lines);
        Assert.Contains(lines, l => l.Contains("Sample.DoubleScorer::Score(", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Sample.Helpers::Identity<!!0>(!!0):!!0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Sample.Settings::.cctor()", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("MoveNext()", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(" [assembly] System.Console 10.0.0.0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(" [shape] Sample.Row", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Unreached", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_DebugBuild_Completes()
    {
        var debug = SampleBuild.Fingerprint(compiler.Compile(SampleBuild.Source, OptimizationLevel.Debug));

        Assert.Contains("Sample.Helpers::Deep(", debug.Listing, StringComparison.Ordinal);
    }

    private static string[] ChangedLines(string before, string after)
    {
        static IEnumerable<string> Lines(string listing) => listing.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return Lines(after).Except(Lines(before)).Select(l => l[33..]).ToArray();
    }
}
