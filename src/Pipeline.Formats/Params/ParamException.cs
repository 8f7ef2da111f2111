namespace Pipeline.Formats.Params;

/// <summary>
/// A params.yaml setting a stage cannot use: an unknown key or a bad value. The message names the dotted key, the
/// value and what is accepted, so it is shown to people as it is (no stack trace).
/// </summary>
public sealed class ParamException(string message) : ArgumentException(message);
