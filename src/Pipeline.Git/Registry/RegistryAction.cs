namespace Pipeline.Git.Registry;

/// <summary>What a GTO tag records (gto/constants.py <c>Action</c>).</summary>
internal enum RegistryAction
{
    /// <summary><c>name@v1.2.3</c>.</summary>
    Register,

    /// <summary><c>name@v1.2.3!</c>.</summary>
    Deregister,

    /// <summary><c>name#stage#N</c>.</summary>
    Assign,

    /// <summary><c>name#stage!#N</c>.</summary>
    Unassign,

    /// <summary><c>name@deprecated</c>.</summary>
    Deprecate,

    /// <summary><c>name@created</c> (parsed for completeness, ignored by the state).</summary>
    Create,
}
