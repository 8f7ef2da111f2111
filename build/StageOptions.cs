using Pipeline.Engine.Failures;
using Pipeline.Formats.Params;

namespace ReferencePipeline;

/// <summary>Reads a stage's options so that a bad params.yaml setting fails the target in one line, without a stack trace.</summary>
internal static class StageOptions
{
    /// <summary>
    /// The options <paramref name="read"/> returns. The stages' option readers throw <see cref="ArgumentException"/>
    /// (Formats' <c>ParamException</c>, from the one <c>ParamSection</c> reader) with a message naming the key, the value and what is accepted; the
    /// engine shows a <see cref="UsageException"/> as its message only.
    /// </summary>
    public static T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
