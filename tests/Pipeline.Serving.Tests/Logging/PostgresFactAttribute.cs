namespace Pipeline.Serving.Tests.Logging;

/// <summary>A fact that runs only when PIPELINE_TEST_POSTGRES holds a connection string to a real PostgreSQL server.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>The environment variable naming the server.</summary>
    public const string Variable = "PIPELINE_TEST_POSTGRES";

    /// <summary>Skips with the reason when the variable is unset.</summary>
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set: set it to an Npgsql connection string (e.g. Host=127.0.0.1;Port=55433;Username=postgres;Database=pipeline_test; `bash .ci/postgres.sh` starts one) to run the PostgreSQL prediction log test.";
        }
    }
}
