using System.Reflection;
using Microsoft.ML;

namespace Pipeline.Ml.Data;

/// <summary>Stops an <see cref="MLContext"/>'s running work (trainers, data passes) when a token is cancelled.</summary>
internal static class MlCancellation
{
    // NOTE: MLContext.CancelExecution is not public in ML.NET 5 (only AutoML may call it), but it is the one switch
    // every trainer and cursor polls (IHost.CheckAlive throws OperationCanceledException once it is set). A later
    // ML.NET without it leaves cancellation to the checks between trials and folds; MlCancellationTests notice it.
    private static readonly MethodInfo? CancelExecution =
        typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes);

    /// <summary>True when this ML.NET version lets a context be cancelled.</summary>
    public static bool Supported => CancelExecution is not null;

    /// <summary>Cancels <paramref name="ml"/>'s execution when <paramref name="cancellation"/> is cancelled (at once if it already is).</summary>
    public static CancellationTokenRegistration StopOn(this MLContext ml, CancellationToken cancellation) =>
        cancellation.Register(() => CancelExecution?.Invoke(ml, null));
}
