namespace Pipeline.Serving.Logging;

/// <summary>A click or rating (<paramref name="Label"/>, a number) on one item a logged recommendation returned.</summary>
internal sealed record ItemFeedback(string RequestId, string Item, string Label);
