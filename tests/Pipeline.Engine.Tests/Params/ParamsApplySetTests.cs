using Pipeline.Engine.Failures;
using Pipeline.Engine.Params;

namespace Pipeline.Engine.Tests.Params;

public sealed class ParamsApplySetTests
{
    private const string Text =
        "# training parameters\n" +
        "train:\n" +
        "    lr: 0.1   # learning rate\n" +
        "    epochs: 10\n" +
        "    opt:\n" +
        "        name: adam\n" +
        "\n" +
        "# data\n" +
        "prepare:\n" +
        "    split: 0.2\n";

    [Fact]
    public void ApplySet_ExistingScalar_ReplacedKeepingComment() =>
        Assert.Equal(Text.Replace("lr: 0.1   # learning rate", "lr: 0.05   # learning rate"), ParamsFile.ApplySet(Text, "train.lr", "0.05"));

    [Fact]
    public void ApplySet_NestedDottedKey_Replaced() =>
        Assert.Equal(Text.Replace("name: adam", "name: sgd"), ParamsFile.ApplySet(Text, "train.opt.name", "sgd"));

    [Fact]
    public void ApplySet_NewKeyInSection_AppendedToSectionAtItsIndent() =>
        Assert.Equal(Text.Replace("        name: adam\n", "        name: adam\n    batch: 32\n"), ParamsFile.ApplySet(Text, "train.batch", "32"));

    [Fact]
    public void ApplySet_NewSection_AppendedAtEnd() =>
        Assert.Equal(Text + "eval:\n    metric: auc\n", ParamsFile.ApplySet(Text, "eval.metric", "auc"));

    [Fact]
    public void ApplySet_NewNestedKeyUnderExistingSubsection_UsesFileIndent() =>
        Assert.Equal(Text.Replace("        name: adam\n", "        name: adam\n        momentum: 0.9\n"), ParamsFile.ApplySet(Text, "train.opt.momentum", "0.9"));

    [Fact]
    public void ApplySet_EmptyText_CreatesSection() =>
        Assert.Equal("train:\n  lr: 0.05\n", ParamsFile.ApplySet("", "train.lr", "0.05"));

    [Fact]
    public void ApplySet_NoTrailingNewline_AddsLineAndNewline() =>
        Assert.Equal("seed: 1\nrate: 2\n", ParamsFile.ApplySet("seed: 1", "rate", "2"));

    [Theory]
    [InlineData("a: b", "'a: b'")]
    [InlineData("true", "true")]
    [InlineData("1e-3", "1e-3")]
    [InlineData("'quoted'", "'quoted'")]
    [InlineData("", "''")]
    [InlineData("x #y", "'x #y'")]
    public void ApplySet_ValueText_WrittenAsYamlScalar(string value, string written) =>
        Assert.Equal($"seed: {written}\n", ParamsFile.ApplySet("seed: 1\n", "seed", value));

    [Fact]
    public void ApplySet_KeyHoldingMapping_RejectedWithUsageException()
    {
        var e = Assert.Throws<UsageException>(() => ParamsFile.ApplySet(Text, "train.opt", "x"));
        Assert.Contains("train.opt", e.Message);
        Assert.Contains("mapping", e.Message);
    }

    [Fact]
    public void ApplySet_ListValue_Rejected() =>
        Assert.Throws<UsageException>(() => ParamsFile.ApplySet(Text, "train.lr", "[1, 2]"));

    [Fact]
    public void ApplySet_ParentIsScalar_Rejected() =>
        Assert.Contains("train.lr", Assert.Throws<UsageException>(() => ParamsFile.ApplySet(Text, "train.lr.x", "1")).Message);

    [Fact]
    public void ApplySet_BlockScalarValue_ReplacedWithContinuationRemoved() =>
        Assert.Equal("desc: short\nseed: 1\n", ParamsFile.ApplySet("desc: |\n  long\n  text\nseed: 1\n", "desc", "short"));

    [Fact]
    public void ApplySet_QuotedKeyInFile_Matched() =>
        Assert.Equal("\"train\":\n  'lr': 0.2 # c\n", ParamsFile.ApplySet("\"train\":\n  'lr': 0.1 # c\n", "train.lr", "0.2"));

    [Fact]
    public void ApplySet_NullSection_GainsChild() =>
        Assert.Equal("train:  # todo\n  lr: 1\nseed: 2\n", ParamsFile.ApplySet("train: ~  # todo\nseed: 2\n", "train.lr", "1"));

    [Fact]
    public void ApplySet_DocumentStartMarker_Kept() =>
        Assert.Equal("---\nseed: 3\n", ParamsFile.ApplySet("---\nseed: 1\n", "seed", "3"));

    [Fact]
    public void ApplySet_CrLfFile_KeepsCrLf() =>
        Assert.Equal("a: 1\r\nb:\r\n  c: 3\r\n  d: 4\r\n", ParamsFile.ApplySet("a: 1\r\nb:\r\n  c: 2\r\n", "b.c", "3").Pipe(t => ParamsFile.ApplySet(t, "b.d", "4")));
}

internal static class PipeExtensions
{
    public static T Pipe<T>(this T value, Func<T, T> f) => f(value);
}
