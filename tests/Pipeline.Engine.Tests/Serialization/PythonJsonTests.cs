using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Tests.Serialization;

public sealed class PythonJsonTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(100.0, "100.0")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(2.5e-07, "2.5e-07")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(12345678901234567.0, "1.2345678901234568e+16")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(123456789.123, "123456789.123")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(double.NaN, "NaN")]
    public void Dumps_Float_PythonRepr(double value, string expected) => Assert.Equal(expected, PythonJson.Dumps(value));

    [Fact]
    public void Dumps_String_EnsureAsciiEscapes() =>
        Assert.Equal("\"a\\\"\\\\/\\n\\u007f\\u0001\\u00e9\\ud83d\\ude00\\t\\r\\b\\f\"", PythonJson.Dumps("a\"\\/\n\u007f\u0001é\U0001F600\t\r\b\f"));

    [Fact]
    public void Dumps_Map_SortsKeysByCodePoint()
    {
        var map = new OrderedMap { ["b"] = 1L, ["a"] = null, ["\U0001F600"] = true, ["\uFF5E"] = false };
        Assert.Equal("{\"a\": null, \"b\": 1, \"\\uff5e\": false, \"\\ud83d\\ude00\": true}", PythonJson.Dumps(map));
        Assert.Equal("{\"b\": 1, \"a\": null, \"\\ud83d\\ude00\": true, \"\\uff5e\": false}", PythonJson.Dumps(map, sortKeys: false));
    }

    [Fact]
    public void Dumps_NestedTree_PythonSeparators()
    {
        var tree = new OrderedMap
        {
            ["outs"] = new List<object?> { new OrderedMap { ["path"] = "model.bin", ["md5"] = "acbd18db4cc2f85cedef654fccc4a4d8", ["size"] = 3 } },
            ["cmd"] = "python train.py",
            ["params"] = new OrderedMap { ["lr"] = 0.1, ["epochs"] = 10L, ["layers"] = new object?[] { 1, 2.0, "x" } },
        };
        Assert.Equal(
            "{\"cmd\": \"python train.py\", \"outs\": [{\"md5\": \"acbd18db4cc2f85cedef654fccc4a4d8\", \"path\": \"model.bin\", \"size\": 3}], \"params\": {\"epochs\": 10, \"layers\": [1, 2.0, \"x\"], \"lr\": 0.1}}",
            PythonJson.Dumps(tree));
    }

    [Fact]
    public void Dumps_Scalars_PythonSpelling()
    {
        Assert.Equal("null", PythonJson.Dumps(null));
        Assert.Equal("true", PythonJson.Dumps(true));
        Assert.Equal("-42", PythonJson.Dumps(-42L));
        Assert.Equal("[]", PythonJson.Dumps(new List<object?>()));
        Assert.Equal("{}", PythonJson.Dumps(new OrderedMap()));
    }

    [Fact]
    public void Dumps_UnsupportedType_ThrowsNamingType() =>
        Assert.Contains("System.Guid", Assert.Throws<ArgumentException>(() => PythonJson.Dumps(Guid.Empty)).Message);
}
