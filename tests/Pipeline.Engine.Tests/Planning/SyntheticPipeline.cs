using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Planning;

/// <summary>A layered pipeline of many targets: three declared dependencies, one inferred file edge and some glob edges each.</summary>
internal static class SyntheticPipeline
{
    /// <summary>The number of targets per layer.</summary>
    public const int Width = 20;

    /// <summary>Builds <paramref name="count"/> targets (a multiple of <see cref="Width"/>), named L{layer}_T{position}.</summary>
    public static TargetSpec[] Build(int count)
    {
        var targets = new TargetSpec[count];
        for (var i = 0; i < count; i++)
        {
            int layer = i / Width, k = i % Width;
            var inputs = new List<string> { $"params/l{layer}.yaml" };
            var dependsOn = new List<string>();
            if (layer > 0)
            {
                inputs[0] = $"data/l{layer - 1}/t{(k + 1) % Width}/out.bin";
                inputs.Add(k % 4 == 0 ? $"data/l{layer - 1}/t{k / 4 + 1}*/*.bin" : $"params/l{layer}/t{k}.yaml");
                dependsOn.AddRange([Name(layer - 1, k), Name(layer - 1, (k + 3) % Width), Name(layer - 1, (k + 7) % Width)]);
            }
            targets[i] = new TargetSpec(Name(layer, k))
            {
                DependsOn = dependsOn,
                After = layer > 1 ? [Name(layer - 2, k)] : [],
                Inputs = inputs,
                Outputs = [$"data/l{layer}/t{k}/out.bin"],
            };
        }
        return targets;
    }

    /// <summary>The name of the target at a layer and position.</summary>
    public static string Name(int layer, int position) => $"L{layer:D3}_T{position:D2}";
}
