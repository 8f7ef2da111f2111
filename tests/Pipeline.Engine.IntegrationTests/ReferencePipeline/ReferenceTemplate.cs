namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>The real repository's pipeline, compiled once per test run; each test takes its own copy.</summary>
public sealed class ReferenceTemplate : IDisposable
{
    private readonly TemplateRepository _template = TemplateRepository.FromRealRepository();

    /// <summary>A compiled copy of the reference pipeline, without data, in its own temporary folder.</summary>
    public TestRepository CreateCopy() => _template.CreateCopy();

    public void Dispose() => _template.Dispose();
}
