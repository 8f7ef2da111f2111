namespace Pipeline.Engine;

/// <summary>
/// A build target, written NUKE's way as an expression-bodied property:
/// <c>Target Train => _ => _.DependsOn(Featurize).Inputs("data/features").Outputs("models/model.zip").Executes(ctx => …);</c>
/// The property name is the target name.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition _);
