namespace Pipeline.Engine;

/// <summary>A target's logger. Warnings and errors are replayed before the summary.</summary>
public interface ITargetLog
{
    void Debug(string message);
    void Information(string message);
    void Warning(string message);
    void Error(string message);
}
