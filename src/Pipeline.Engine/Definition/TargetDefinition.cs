using System.Reflection;

namespace Pipeline.Engine.Definition;

/// <summary>The recorder a target's delegate runs on once; it lives only while definitions are read.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    private readonly List<Func<ITargetContext, Task>> _actions = [];
    private readonly List<MethodInfo> _actionMethods = [];
    private readonly List<TargetCondition> _onlyWhen = [];
    private readonly List<TargetCondition> _requires = [];

    public string? DescriptionText { get; private set; }
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> DependentForTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<string> InputPaths { get; } = [];
    public List<string> OptionalInputPaths { get; } = [];
    public List<string> OutputPaths { get; } = [];
    public List<string> ParamKeys { get; } = [];
    public List<string> MetricPaths { get; } = [];
    public List<string> PlotPaths { get; } = [];
    public bool IsAlwaysRun { get; private set; }
    public bool IsNoRunCache { get; private set; }
    public bool IsProceedAfterFailure { get; private set; }
    public bool IsUnlocked { get; private set; }

    public TargetBehavior ToBehavior() => new(_actions.ToArray(), _actionMethods.ToArray(), _onlyWhen.ToArray(), _requires.ToArray());

    public ITargetDefinition Description(string description) { DescriptionText = description; return this; }
    public ITargetDefinition DependsOn(params Target[] targets) => AddTo(DependsOnTargets, targets);
    public ITargetDefinition DependentFor(params Target[] targets) => AddTo(DependentForTargets, targets);
    public ITargetDefinition After(params Target[] targets) => AddTo(AfterTargets, targets);
    public ITargetDefinition Before(params Target[] targets) => AddTo(BeforeTargets, targets);
    public ITargetDefinition Triggers(params Target[] targets) => AddTo(TriggersTargets, targets);
    public ITargetDefinition TriggeredBy(params Target[] targets) => AddTo(TriggeredByTargets, targets);
    public ITargetDefinition Inputs(params string[] paths) => AddTo(InputPaths, paths);
    public ITargetDefinition OptionalInputs(params string[] paths) => AddTo(OptionalInputPaths, paths);
    public ITargetDefinition Outputs(params string[] paths) => AddTo(OutputPaths, paths);
    public ITargetDefinition Params(params string[] keys) => AddTo(ParamKeys, keys);
    public ITargetDefinition Metrics(params string[] paths) => AddTo(MetricPaths, paths);
    public ITargetDefinition Plots(params string[] paths) => AddTo(PlotPaths, paths);
    public ITargetDefinition AlwaysRun() { IsAlwaysRun = true; return this; }
    public ITargetDefinition NoRunCache() { IsNoRunCache = true; return this; }
    public ITargetDefinition ProceedAfterFailure() { IsProceedAfterFailure = true; return this; }
    public ITargetDefinition NoRepositoryLock() { IsUnlocked = true; return this; }

    public ITargetDefinition Requires(Func<bool> condition, string? text = null)
    {
        _requires.Add(new TargetCondition(condition, text ?? "condition"));
        return this;
    }

    public ITargetDefinition OnlyWhen(Func<bool> condition, string? text = null)
    {
        _onlyWhen.Add(new TargetCondition(condition, text ?? "condition"));
        return this;
    }

    public ITargetDefinition Executes(Action action) => AddAction(action, _ => { action(); return Task.CompletedTask; });
    public ITargetDefinition Executes(Action<ITargetContext> action) => AddAction(action, ctx => { action(ctx); return Task.CompletedTask; });
    public ITargetDefinition Executes(Func<Task> action) => AddAction(action, _ => action());
    public ITargetDefinition Executes(Func<ITargetContext, Task> action) => AddAction(action, action);

    private TargetDefinition AddAction(Delegate original, Func<ITargetContext, Task> run)
    {
        _actions.Add(run);
        _actionMethods.Add(original.Method);
        return this;
    }

    private TargetDefinition AddTo<T>(List<T> list, T[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        list.AddRange(items);
        return this;
    }
}
