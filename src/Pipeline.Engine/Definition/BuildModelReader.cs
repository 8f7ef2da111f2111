using System.Reflection;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Definition;

/// <summary>Reads the <see cref="Target"/> properties of a build object, running each definition delegate once.</summary>
internal static class BuildModelReader
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static BuildModel Read(object build, IReadOnlyCollection<string> defaultTargets) =>
        Read(TargetProperties(build.GetType()).Select(p => KeyValuePair.Create(p.Name, (Target)p.GetValue(build)!)), defaultTargets);

    /// <summary>Reads named definitions (a build class's properties, or <see cref="PlanPreview"/>'s targets) in the order given.</summary>
    public static BuildModel Read(IEnumerable<KeyValuePair<string, Target>> targets, IReadOnlyCollection<string> defaultTargets)
    {
        var delegates = new Dictionary<string, Target>();
        foreach (var (name, target) in targets)
        {
            if (!delegates.TryAdd(name, target))
                throw new PipelineDefinitionException($"Target '{name}' is defined twice. Give each target one name.");
        }
        // NOTE: a target is referenced as a delegate; two reads of a property give equal delegates
        // (same method, same target object), so delegate equality maps references back to names.
        var names = new Dictionary<Delegate, string>();
        foreach (var (name, target) in delegates) names.TryAdd(target, name);

        var specs = new List<TargetSpec>();
        var behaviors = new Dictionary<string, TargetBehavior>();
        foreach (var (name, target) in delegates)
        {
            var definition = new TargetDefinition();
            target(definition);
            specs.Add(ToSpec(name, definition, names, defaultTargets.Contains(name)));
            behaviors[name] = definition.ToBehavior();
        }
        return new BuildModel(specs, behaviors);
    }

    private static List<PropertyInfo> TargetProperties(Type type)
    {
        var seen = new HashSet<string>();
        var result = new List<PropertyInfo>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            var declared = t.GetProperties(Members | BindingFlags.DeclaredOnly)
                .Where(p => p.PropertyType == typeof(Target) && p.GetIndexParameters().Length == 0)
                .OrderBy(p => p.MetadataToken);
            foreach (var p in declared)
                if (seen.Add(p.Name)) result.Add(p);
        }
        return result;
    }

    private static TargetSpec ToSpec(string name, TargetDefinition d, Dictionary<Delegate, string> names, bool isDefault)
    {
        if (d.IsUnlocked && d.OutputPaths.Count + d.MetricPaths.Count + d.PlotPaths.Count > 0)
            throw new PipelineDefinitionException($"Target '{name}' declares outputs, so it cannot run without the repository lock. Remove NoRepositoryLock() or its outputs.");
        string[] Names(List<Target> targets) => targets.Select(t => names.TryGetValue(t, out var n)
            ? n
            : throw new PipelineDefinitionException($"Target '{name}' refers to a target that is not a Target property of the build class.")).ToArray();

        return new TargetSpec(name)
        {
            Description = d.DescriptionText,
            DependsOn = Names(d.DependsOnTargets),
            DependentFor = Names(d.DependentForTargets),
            After = Names(d.AfterTargets),
            Before = Names(d.BeforeTargets),
            Triggers = Names(d.TriggersTargets),
            TriggeredBy = Names(d.TriggeredByTargets),
            Inputs = d.InputPaths.Concat(d.OptionalInputPaths).ToArray(),
            OptionalInputs = d.OptionalInputPaths.ToArray(),
            Outputs = d.OutputPaths.ToArray(),
            Metrics = d.MetricPaths.ToArray(),
            Plots = d.PlotPaths.ToArray(),
            Params = d.ParamKeys.ToArray(),
            AlwaysRun = d.IsAlwaysRun,
            NoRunCache = d.IsNoRunCache,
            ProceedAfterFailure = d.IsProceedAfterFailure,
            Unlocked = d.IsUnlocked,
            IsDefault = isDefault,
            HasActions = d.ToBehavior().Actions.Count > 0,
        };
    }
}
