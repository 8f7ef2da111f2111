namespace Pipeline.Git.Tests.Slurm;

/// <summary>A fact that runs only against a real Slurm cluster (the two nodes of .ci/slurm.sh), named by PIPELINE_TEST_SLURM_CONF.</summary>
internal sealed class SlurmFactAttribute : FactAttribute
{
    public const string ConfVariable = "PIPELINE_TEST_SLURM_CONF";

    /// <summary>Skips with the reason when no cluster is configured.</summary>
    public SlurmFactAttribute()
    {
        if (Conf is null)
            Skip = $"{ConfVariable} is not set: `bash .ci/slurm.sh` installs Slurm and starts a throw-away two-node cluster on 127.0.0.1 and prints it (.ci/run exports it) to run the cluster tests.";
    }

    public static string? Conf => Environment.GetEnvironmentVariable(ConfVariable) is { Length: > 0 } conf ? conf : null;

    /// <summary>Points the Slurm clients this process starts at the test cluster, as SLURM_CONF does on a login node.</summary>
    public static void UseCluster() => Environment.SetEnvironmentVariable("SLURM_CONF", Conf);
}
