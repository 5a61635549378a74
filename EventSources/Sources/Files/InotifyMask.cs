namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>The inotify(7) event bits this watcher uses, and how fsnotify turns them into operations.</summary>
internal static class InotifyMask
{
    public const uint Modify = 0x2;
    public const uint Attrib = 0x4;
    public const uint MovedFrom = 0x40;
    public const uint MovedTo = 0x80;
    public const uint Create = 0x100;
    public const uint Delete = 0x200;
    public const uint DeleteSelf = 0x400;
    public const uint MoveSelf = 0x800;
    public const uint QueueOverflow = 0x4000;
    public const uint Ignored = 0x8000;

    /// <summary>What a directory watch asks for: the same set fsnotify asks for.</summary>
    public const uint Watched = MovedTo | MovedFrom | Create | Attrib | Modify | MoveSelf | Delete | DeleteSelf;

    /// <summary>The operations an event's bits mean, as fsnotify maps them.</summary>
    public static FileOp ToOp(uint mask)
    {
        var op = FileOp.None;
        if (Has(mask, Create) || Has(mask, MovedTo))
        {
            op |= FileOp.Create;
        }

        if (Has(mask, DeleteSelf) || Has(mask, Delete))
        {
            op |= FileOp.Remove;
        }

        if (Has(mask, Modify))
        {
            op |= FileOp.Write;
        }

        if (Has(mask, MoveSelf) || Has(mask, MovedFrom))
        {
            op |= FileOp.Rename;
        }

        if (Has(mask, Attrib))
        {
            op |= FileOp.Chmod;
        }

        return op;
    }

    private static bool Has(uint mask, uint bit) => (mask & bit) == bit;
}
