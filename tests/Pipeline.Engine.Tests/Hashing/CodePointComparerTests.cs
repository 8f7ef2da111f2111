using Pipeline.Engine.Serialization;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Tests.Hashing;

public sealed class CodePointComparerTests
{
    [Fact]
    public void Compare_PathPunctuation_SortsAsPython()
    {
        string[] names = ["a_b", "a/b", "a.b", "a-b"];
        Array.Sort(names, CodePointComparer.Instance);
        Assert.Equal(["a-b", "a.b", "a/b", "a_b"], names);
    }

    [Fact]
    public void Compare_AstralAgainstHighBmp_AstralSortsLast()
    {
        // NOTE: UTF-16 ordinal puts U+1F600 (0xD83D...) before U+FF5E; Python (code points) puts it after.
        Assert.True(string.CompareOrdinal("\U0001F600", "\uFF5E") < 0);
        Assert.True(CodePointComparer.Instance.Compare("\U0001F600", "\uFF5E") > 0);
        Assert.True(CodePointComparer.Instance.Compare("x\U0001F600", "x\U0001F601") < 0);
    }

    [Fact]
    public void Compare_Prefix_SortsFirst()
    {
        Assert.True(CodePointComparer.Instance.Compare("a", "ab") < 0);
        Assert.Equal(0, CodePointComparer.Instance.Compare("ab", "ab"));
    }
}
