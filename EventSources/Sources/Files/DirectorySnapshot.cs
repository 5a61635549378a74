namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>
/// The stamps of a directory and of its entries (not recursive), by full path: what Argo's poller (radovskyb/watcher)
/// lists on each cycle, the directory itself included.
/// </summary>
public sealed class DirectorySnapshot
{
    private DirectorySnapshot(IReadOnlyDictionary<string, FileStamp> entries) => Entries = entries;

    /// <summary>The stamps by full path.</summary>
    public IReadOnlyDictionary<string, FileStamp> Entries { get; }

    /// <summary>Takes a snapshot of <paramref name="directory"/> (cleaned, absolute).</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static DirectorySnapshot Take(string directory)
    {
        var entries = new Dictionary<string, FileStamp>(StringComparer.Ordinal)
        {
            [directory] = FileStamp.Read(directory, followLinks: true) ?? throw new DirectoryNotFoundException($"the watched directory {directory} does not exist."),
        };
        IEnumerable<string> names;
        try
        {
            names = Directory.EnumerateFileSystemEntries(directory).ToList();
        }
        catch (DirectoryNotFoundException e)
        {
            throw new DirectoryNotFoundException($"the watched directory {directory} does not exist.", e);
        }

        foreach (var path in names)
        {
            // An entry removed between listing and stat is simply not part of this snapshot.
            if (FileStamp.Read(path, followLinks: false) is { } stamp)
            {
                entries[path] = stamp;
            }
        }

        return new DirectorySnapshot(entries);
    }

    /// <summary>
    /// The changes from <paramref name="before"/> to this snapshot, as Argo's poller reports them: WRITE when the
    /// modification time (or size) changed, CHMOD when the mode changed, RENAME when an entry vanished and the same
    /// file appeared under another name in the same directory, else CREATE and REMOVE. Each is named by the entry's
    /// base name (the poller reports FileInfo.Name(); a rename the old name). Ordered by kind, then path.
    /// </summary>
    public IReadOnlyList<FileChange> ChangesSince(DirectorySnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var changes = new List<FileChange>();
        var created = new SortedDictionary<string, FileStamp>(StringComparer.Ordinal);
        var removed = new SortedDictionary<string, FileStamp>(StringComparer.Ordinal);
        foreach (var (path, stamp) in before.Entries.Where(e => !Entries.ContainsKey(e.Key)))
        {
            removed[path] = stamp;
        }

        foreach (var (path, stamp) in Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!before.Entries.TryGetValue(path, out var old))
            {
                created[path] = stamp;
                continue;
            }

            if (old.ModifiedNanoseconds != stamp.ModifiedNanoseconds || old.Size != stamp.Size)
            {
                changes.Add(new FileChange(Path.GetFileName(path), "WRITE"));
            }

            if (old.Mode != stamp.Mode)
            {
                changes.Add(new FileChange(Path.GetFileName(path), "CHMOD"));
            }
        }

        foreach (var (oldPath, oldStamp) in removed.ToList())
        {
            var match = created.FirstOrDefault(c => c.Value.IsSameFile(oldStamp));
            if (match.Key is null)
            {
                continue;
            }

            removed.Remove(oldPath);
            created.Remove(match.Key);
            var sameDirectory = Path.GetDirectoryName(oldPath) == Path.GetDirectoryName(match.Key);
            changes.Add(new FileChange(Path.GetFileName(oldPath), sameDirectory ? "RENAME" : "MOVE"));
        }

        changes.AddRange(created.Keys.Select(path => new FileChange(Path.GetFileName(path), "CREATE")));
        changes.AddRange(removed.Keys.Select(path => new FileChange(Path.GetFileName(path), "REMOVE")));
        return changes;
    }
}
