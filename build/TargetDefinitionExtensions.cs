using Pipeline.Engine;

namespace ReferencePipeline;

/// <summary>Small conveniences for writing target definitions.</summary>
internal static class TargetDefinitionExtensions
{
    /// <summary>Applies <paramref name="configure"/> only when <paramref name="condition"/> holds.</summary>
    public static ITargetDefinition When(this ITargetDefinition definition, bool condition, Func<ITargetDefinition, ITargetDefinition> configure) =>
        condition ? configure(definition) : definition;
}
