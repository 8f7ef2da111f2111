namespace ReferencePipeline;

/// <summary>An <see cref="IProgress{T}"/> that calls <paramref name="report"/> on the reporting thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
internal sealed class ProgressTo<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
