using System.Reflection;
using Pipeline.Engine.CodeHashing;

namespace Pipeline.Engine.Tests.CodeHashing;

/// <summary>A small build class in source form, and how to fingerprint one of its targets once compiled.</summary>
internal static class SampleBuild
{
    /// <summary>Build.Train reaches (through an async lambda) Helpers.Step/Deep/Count/Identity, FetchAsync, Even/Odd, DoubleScorer through IScorer and Settings.Name, and reads the shape of Row.</summary>
    public const string Source = """
        using System;
        using System.Threading.Tasks;
        namespace Sample;
        public interface IScorer { int Score(int x); }
        public sealed class DoubleScorer : IScorer { public int Score(int x) => x * 2; }
        public sealed class TripleScorer : IScorer { public int Score(int x) => x * 3; }
        public sealed class Row { [System.ComponentModel.Description("score")] public float Value { get; set; } }
        public static class Settings
        {
            public static readonly string Name = "alpha";
            public const int Limit = 10;
        }
        public static class Helpers
        {
            public static int Step(int x) => Identity(Deep(x)) + Count(x);
            private static int Deep(int x) => x * 3 + Settings.Limit + "ab".Length;
            private static T Identity<T>(T value) => value;
            private static int Count(int n) => n <= 0 ? 0 : 1 + Count(n - 1);
            public static async Task<int> FetchAsync(int x) { await Task.Yield(); return x + 7; }
            public static int Even(int n) => n == 0 ? 0 : Odd(n - 1);
            public static int Odd(int n) => n == 0 ? 1 : Even(n - 1);
            public static int Unreached() => 42;
        }
        public sealed class Build
        {
            private readonly IScorer scorer = new DoubleScorer();
            public Action Ingest => () => Console.WriteLine("ingest");
            public Func<Task> Train => async () =>
            {
                var fetched = await Helpers.FetchAsync(Helpers.Step(1));
                Console.WriteLine(Settings.Name + scorer.Score(fetched) + Helpers.Even(3) + typeof(Row).Name);
            };
        }
        """;

    /// <summary>The fingerprint of target <paramref name="target"/> (a delegate-typed property of Sample.Build).</summary>
    public static CodeFingerprintResult Fingerprint(Assembly assembly, string target = "Train")
    {
        var build = assembly.GetType("Sample.Build", throwOnError: true)!;
        var action = (Delegate)build.GetProperty(target)!.GetValue(Activator.CreateInstance(build))!;
        return CodeFingerprint.Compute([action.Method], a => a == assembly);
    }

    /// <summary><see cref="Source"/> with one exact, present fragment replaced.</summary>
    public static string With(string original, string replacement)
    {
        if (!Source.Contains(original, StringComparison.Ordinal)) throw new ArgumentException($"'{original}' is not in the sample.");
        return Source.Replace(original, replacement, StringComparison.Ordinal);
    }
}
