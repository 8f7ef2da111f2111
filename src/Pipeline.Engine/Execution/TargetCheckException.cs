namespace Pipeline.Engine.Execution;

/// <summary>A target cannot be checked or committed (missing input, undeclared param, missing output); it fails with this message.</summary>
internal sealed class TargetCheckException(string message) : Exception(message);
