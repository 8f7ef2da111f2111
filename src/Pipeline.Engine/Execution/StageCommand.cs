namespace Pipeline.Engine.Execution;

/// <summary>The <c>cmd</c> written to dvc.yaml and dvc.lock: the command that runs just that target.</summary>
internal static class StageCommand
{
    public static string For(string target) => $"./build.sh {target} --skip";
}
