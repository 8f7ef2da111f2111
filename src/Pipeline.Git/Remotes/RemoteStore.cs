namespace Pipeline.Git.Remotes;

/// <summary>A DVC remote's object store, addressed by '/'-separated keys relative to the remote URL.</summary>
internal abstract class RemoteStore
{
    /// <summary>Where the remote is, for messages.</summary>
    public abstract string Describe(string key);

    /// <summary>True when an object is stored under <paramref name="key"/>.</summary>
    public abstract bool Exists(string key);

    /// <summary>Stores the bytes of <paramref name="localFile"/> under <paramref name="key"/>, all or nothing.</summary>
    public abstract void Upload(string localFile, string key);

    /// <summary>Writes the object under <paramref name="key"/> to the new file <paramref name="localFile"/>; throws <see cref="FileNotFoundException"/> when absent.</summary>
    public abstract void Download(string key, string localFile);

    /// <summary>Every key under <paramref name="prefix"/> (which ends with '/').</summary>
    public abstract IReadOnlyList<string> List(string prefix);
}
