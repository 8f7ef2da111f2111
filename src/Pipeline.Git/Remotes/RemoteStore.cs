namespace Pipeline.Git.Remotes;

/// <summary>
/// A DVC remote's object store, addressed by '/'-separated keys relative to the remote URL. Every method is safe to
/// call concurrently. A failure of the remote as a whole (credentials, bucket, endpoint) is a <see cref="RemoteException"/>;
/// a failure of one object is an <see cref="IOException"/>.
/// </summary>
internal abstract class RemoteStore : IDisposable
{
    /// <summary>The remote's name in the DVC config.</summary>
    public abstract string Name { get; }

    /// <summary>Where an object is, for messages.</summary>
    public abstract string Describe(string key);

    /// <summary>Checks that the remote can be used (reading, or writing too), throwing <see cref="RemoteException"/> with the fix.</summary>
    public abstract Task CheckAsync(bool write, CancellationToken cancellation);

    /// <summary>True when an object is stored under <paramref name="key"/>.</summary>
    public abstract Task<bool> ExistsAsync(string key, CancellationToken cancellation);

    /// <summary>Stores the bytes of <paramref name="localFile"/> under <paramref name="key"/>, all or nothing.</summary>
    public abstract Task UploadAsync(string localFile, string key, CancellationToken cancellation);

    /// <summary>Writes the object under <paramref name="key"/> to the new file <paramref name="localFile"/>; false (and no file) when there is none.</summary>
    public abstract Task<bool> DownloadAsync(string key, string localFile, CancellationToken cancellation);

    /// <summary>Every key under <paramref name="prefix"/> (which ends with '/'), in ordinal order.</summary>
    public abstract Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellation);

    /// <inheritdoc />
    public virtual void Dispose()
    {
    }
}
