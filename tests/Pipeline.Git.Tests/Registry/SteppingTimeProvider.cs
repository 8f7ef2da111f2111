namespace Pipeline.Git.Tests.Registry;

/// <summary>A UTC clock that advances one minute on every read, so tags written in a test have distinct, known times.</summary>
internal sealed class SteppingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _next = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        var now = _next;
        _next = _next.AddMinutes(1);
        return now;
    }
}
