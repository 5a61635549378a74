namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>Argo's file operations (its <c>fsevent.Op</c> bitmask): the <c>op</c> number of the payload.</summary>
[Flags]
public enum FileOp : uint
{
    /// <summary>No operation.</summary>
    None = 0,

    /// <summary>A file appeared: created, or moved into the directory.</summary>
    Create = 1,

    /// <summary>A file's content changed.</summary>
    Write = 2,

    /// <summary>A file was deleted.</summary>
    Remove = 4,

    /// <summary>A file was renamed or moved out of the directory.</summary>
    Rename = 8,

    /// <summary>A file's attributes (permissions, owner, times) changed.</summary>
    Chmod = 16,
}
