using Pipeline.Engine.Definition;

namespace Pipeline.Engine.Tests.Definition;

public sealed class TargetDefinitionTests
{
    [Fact]
    public void Verbs_Repeated_Accumulate()
    {
        var definition = new TargetDefinition();

        definition.Inputs("a").Inputs("b", "c").Params("train").Params("eval").Outputs("x").Outputs("y");

        Assert.Equal(["a", "b", "c"], definition.InputPaths);
        Assert.Equal(["train", "eval"], definition.ParamKeys);
        Assert.Equal(["x", "y"], definition.OutputPaths);
    }

    [Fact]
    public void OnlyWhen_CallerExpressionThroughInterface_CapturedAsText()
    {
        var enabled = false;
        var definition = new TargetDefinition();

        // NOTE: [CallerArgumentExpression] sits on the interface, which is what build classes call through.
        ((ITargetDefinition)definition).OnlyWhen(() => enabled).Requires(() => !enabled, "custom text");

        var behavior = definition.ToBehavior();
        Assert.Equal("() => enabled", behavior.OnlyWhen[0].Text);
        Assert.Equal("custom text", behavior.Requires[0].Text);
    }

    [Fact]
    public async Task Executes_EveryOverload_RunsWithContext()
    {
        var calls = new List<string>();
        var definition = new TargetDefinition();

        definition
            .Executes(() => calls.Add("action"))
            .Executes(ctx => calls.Add("context " + (ctx is null)))
            .Executes(() => { calls.Add("task"); return Task.CompletedTask; })
            .Executes(async ctx => { await Task.Yield(); calls.Add("async context"); });
        foreach (var action in definition.ToBehavior().Actions) await action(null!);

        Assert.Equal(["action", "context True", "task", "async context"], calls);
        Assert.Equal(4, definition.ToBehavior().ActionMethods.Count);
    }

    [Fact]
    public void DependsOn_NullArray_Throws()
    {
        var definition = new TargetDefinition();

        Assert.Throws<ArgumentNullException>(() => definition.DependsOn(null!));
    }
}
