using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Tests.Serialization;

/// <summary>Golden outputs generated with dvc_ref.py YamlWriter (docs/dvc-format.md §12), pinned literally.</summary>
public sealed class DvcYamlEmitTests
{
    [Fact]
    public void Emit_QuotingCases_MatchRuamel()
    {
        var tree = new OrderedMap
        {
            { "schema", "2.0" }, { "md5", "12345678901234567890123456789012" }, { "e", "1e5" }, { "t", "true" },
            { "colon", "a: b" }, { "hash", "a #b" }, { "dash", "- x" }, { "empty", "" }, { "tab", "a\tb" }, { "nul", null },
            { "ctrl", "x\u0001y" }, { "star", "*x" }, { "endcolon", "abc:" }, { "lead", " x" }, { "ml", "line1\nline2" },
            { "date", "2024-01-01" }, { "inf", ".inf" }, { "y", "yes" }, { "n", "~" }, { "uni", "héllo" }, { "q", "it's" },
            { "bom", "\uFEFFa" }, { "pct", "50%" },
        };
        Assert.Equal(
            "schema: '2.0'\nmd5: '12345678901234567890123456789012'\ne: '1e5'\nt: 'true'\ncolon: 'a: b'\nhash: 'a #b'\n" +
            "dash: '- x'\nempty: ''\ntab: \"a\\tb\"\nnul:\nctrl: \"x\\x01y\"\nstar: '*x'\nendcolon: 'abc:'\nlead: ' x'\n" +
            "ml: 'line1\n\n  line2'\ndate: '2024-01-01'\ninf: '.inf'\ny: yes\nn: '~'\nuni: héllo\nq: it's\nbom: \"\\uFEFFa\"\npct: 50%\n",
            DvcYaml.Emit(tree));
    }

    [Theory]
    [InlineData("12345678901234567890123456789012", "md5: '12345678901234567890123456789012'\n")]
    [InlineData("12e45678901234567890123456789012", "md5: '12e45678901234567890123456789012'\n")]
    [InlineData("1e2a5678901234567890123456789012", "md5: 1e2a5678901234567890123456789012\n")]
    public void Emit_Md5LookingLikeNumber_QuotedOnlyWhenItResolvesToNumber(string md5, string expected) =>
        Assert.Equal(expected, DvcYaml.Emit(new OrderedMap { { "md5", md5 } }));

    [Fact]
    public void Emit_Floats_UsePythonRepr()
    {
        var tree = new OrderedMap
        {
            { "a", 0.1 }, { "b", 1e-05 }, { "c", 100.0 }, { "d", 1e16 }, { "e", 1e15 }, { "f", -0.0 }, { "g", double.PositiveInfinity },
            { "h", double.NaN }, { "i", 0.0001 }, { "j", 1.5e300 }, { "k", 123456789.123 },
        };
        Assert.Equal(
            "a: 0.1\nb: 1e-05\nc: 100.0\nd: 1e+16\ne: 1000000000000000.0\nf: -0.0\ng: .inf\nh: .nan\ni: 0.0001\nj: 1.5e+300\nk: 123456789.123\n",
            DvcYaml.Emit(tree));
    }

    [Fact]
    public void Emit_LongPlainCmd_FoldsAfterColumn80()
    {
        var cmd = "python src/train.py data/prepared data/features --epochs 10 --learning-rate 0.001 --batch-size 32 " +
                  "--seed 42 --and-more-arguments to-fold-twice xxxxxxxx yyyyyyyyyyyy zzzzzzzzzz";
        var tree = new OrderedMap { { "stages", new OrderedMap { { "train", new OrderedMap { { "cmd", cmd } } } } } };
        Assert.Equal(
            "stages:\n  train:\n    cmd: python src/train.py data/prepared data/features --epochs 10 --learning-rate\n" +
            "      0.001 --batch-size 32 --seed 42 --and-more-arguments to-fold-twice xxxxxxxx\n      yyyyyyyyyyyy zzzzzzzzzz\n",
            DvcYaml.Emit(tree));
    }

    [Fact]
    public void Emit_LongSingleQuotedCmd_FoldsAndDoublesQuotes()
    {
        var cmd = "python 'x' src/train.py: data/prepared data/features --epochs 10 --learning-rate 0.001 --batch-size 32 --seed 42";
        Assert.Equal(
            "cmd: 'python ''x'' src/train.py: data/prepared data/features --epochs 10 --learning-rate\n  0.001 --batch-size 32 --seed 42'\n",
            DvcYaml.Emit(new OrderedMap { { "cmd", cmd } }));
    }

    [Fact]
    public void Emit_LongDoubleQuotedCmd_FoldsWithEscapedBreak()
    {
        var cmd = "python\tsrc/train.py data/prepared data/features --epochs 10 --learning-rate 0.001 --batch-size 32 --seed 42 --more-arguments to-fold-twice xxxxxxxx";
        Assert.Equal(
            "cmd: \"python\\tsrc/train.py data/prepared data/features --epochs 10 --learning-rate\\\n  \\ 0.001 --batch-size 32 --seed 42 --more-arguments to-fold-twice xxxxxxxx\"\n",
            DvcYaml.Emit(new OrderedMap { { "cmd", cmd } }));
    }

    [Fact]
    public void Emit_NestedAndEmptyCollections_UseIndentlessBlockStyle()
    {
        var tree = new OrderedMap
        {
            { "a", new List<object?> { new List<object?> { 1L, 2L }, new List<object?>(), new OrderedMap() } },
            { "b", new OrderedMap() },
            { "c", new List<object?> { new OrderedMap { { "x", new OrderedMap { { "y", new List<object?> { 1L } } } } } } },
        };
        Assert.Equal("a:\n- - 1\n  - 2\n- []\n- {}\nb: {}\nc:\n- x:\n    y:\n    - 1\n", DvcYaml.Emit(tree));
    }

    [Fact]
    public void Emit_NoneInList_WritesBareKey() =>
        Assert.Equal("params:\n- custom.yaml:\n",
            DvcYaml.Emit(new OrderedMap { { "params", new List<object?> { new OrderedMap { { "custom.yaml", null } } } } }));
}
