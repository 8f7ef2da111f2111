using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Tests.Serialization;

public sealed class DvcYamlParseTests
{
    [Fact]
    public void Parse_PlainScalars_ResolveWithYaml12CoreSchema()
    {
        var map = Assert.IsType<OrderedMap>(DvcYaml.Parse(
            "i: 42\nneg: -7\nu: 1_000\nhex: 0x1F\nf: 0.05\ne: 1e-5\nt: true\nF: False\nn: null\nt2: ~\nempty:\n" +
            "yes: yes\ns: hello world\nq: '42'\ndq: \"true\"\ninf: .inf\n"));
        Assert.Equal(42L, map["i"]);
        Assert.Equal(-7L, map["neg"]);
        Assert.Equal(1000L, map["u"]);
        Assert.Equal(31L, map["hex"]);
        Assert.Equal(0.05, map["f"]);
        Assert.Equal(1e-5, map["e"]);
        Assert.Equal(true, map["t"]);
        Assert.Equal(false, map["F"]);
        Assert.Null(map["n"]);
        Assert.Null(map["t2"]);
        Assert.Null(map["empty"]);
        Assert.Equal("yes", map["yes"]);
        Assert.Equal("hello world", map["s"]);
        Assert.Equal("42", map["q"]);
        Assert.Equal("true", map["dq"]);
        Assert.Equal(double.PositiveInfinity, map["inf"]);
    }

    [Fact]
    public void Parse_Mapping_KeepsFileOrder()
    {
        var map = Assert.IsType<OrderedMap>(DvcYaml.Parse("zeta: 1\nalpha:\n  b: 2\n  a: 3\nlist:\n- x\n- 2\n"));
        Assert.Equal(["zeta", "alpha", "list"], map.Keys);
        Assert.Equal(["b", "a"], Assert.IsType<OrderedMap>(map["alpha"]).Keys);
        Assert.Equal(new List<object?> { "x", 2L }, map["list"]);
    }

    [Fact]
    public void Parse_EmptyText_GivesNull() => Assert.Null(DvcYaml.Parse(""));

    [Fact]
    public void Parse_Malformed_ThrowsWithLine()
    {
        var e = Assert.ThrowsAny<YamlDotNet.Core.YamlException>(() => DvcYaml.Parse("a: 1\nb: [1, 2\n"));
        Assert.True(e.Start.Line >= 2);
    }

    [Theory]
    [InlineData("schema: '2.0'\nstages:\n  mystage:\n    cmd: mycmd\n    deps:\n    - path: remote://workspace/foo\n      hash: md5\n      md5: acbd18db4cc2f85cedef654fccc4a4d8\n      size: 3\n")]
    [InlineData("a: 0.1\nb: 1e-05\nc: 100.0\nd: '12345678901234567890123456789012'\ne: 'true'\nf: ''\ng:\nh: 'a: b'\ni: \"a\\tb\"\nj: héllo\n")]
    [InlineData("cmd: python src/train.py data/prepared data/features --epochs 10 --learning-rate 0.001\n  --batch-size 32 --seed 42\n")]
    [InlineData("a:\n- - 1\n  - 2\n- []\n- {}\nb: {}\n")]
    public void Parse_ThenEmit_RoundTripsDvcText(string text) => Assert.Equal(text, DvcYaml.Emit(DvcYaml.Parse(text)));
}
