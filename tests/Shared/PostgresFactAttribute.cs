namespace Pipeline.Tests;

/// <summary>A fact that runs only when PIPELINE_TEST_POSTGRES holds a connection string to a real PostgreSQL server.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>The environment variable naming the server.</summary>
    public const string Variable = "PIPELINE_TEST_POSTGRES";

    /// <summary>Skips with the reason when the variable is unset.</summary>
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"{Variable} is not set: set it to an Npgsql connection string (e.g. Host=127.0.0.1;Port=55433;Username=postgres;Database=pipeline_test) to run the PostgreSQL tests; `bash .ci/postgres.sh` (as root) starts a throw-away server.";
    }
}
