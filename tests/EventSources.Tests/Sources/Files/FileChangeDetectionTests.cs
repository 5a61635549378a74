using System.Runtime.InteropServices;
using ArgoEvents.EventSources.Sources.Files;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Files;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FileChangeDetectionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("argo-poll-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(0x100u, FileOp.Create)]
    [InlineData(0x80u, FileOp.Create)]
    [InlineData(0x2u, FileOp.Write)]
    [InlineData(0x200u, FileOp.Remove)]
    [InlineData(0x400u, FileOp.Remove)]
    [InlineData(0x40u, FileOp.Rename)]
    [InlineData(0x800u, FileOp.Rename)]
    [InlineData(0x4u, FileOp.Chmod)]
    [InlineData(0x40000100u, FileOp.Create)]
    [InlineData(0x6u, FileOp.Write | FileOp.Chmod)]
    public void Inotify_bits_map_to_operations_as_fsnotify_maps_them(uint mask, FileOp expected)
        => Assert.Equal(expected, InotifyMask.ToOp(mask));

    [Fact]
    public void Operation_text_round_trips_in_fsnotifys_order()
    {
        Assert.Equal("CREATE", FileOpNames.Format(FileOp.Create));
        Assert.Equal("CREATE|REMOVE|WRITE|RENAME|CHMOD", FileOpNames.Format((FileOp)31));
        Assert.Equal("[no events]", FileOpNames.Format(FileOp.None));
        Assert.Equal(FileOp.Write | FileOp.Chmod, FileOpNames.Parse("WRITE|CHMOD"));
        Assert.Equal(FileOp.None, FileOpNames.Parse("MOVE"));
    }

    [Fact]
    public void Inotify_records_are_read_with_their_padded_names()
    {
        var buffer = new List<byte>();
        buffer.AddRange(Record(1, 0x100, 0, "a.txt", 16));
        buffer.AddRange(Record(1, 0x400, 7, string.Empty, 0));

        var records = InotifyRecord.ParseAll(buffer.ToArray());

        Assert.Equal([new InotifyRecord(1, 0x100, 0, "a.txt"), new InotifyRecord(1, 0x400, 7, string.Empty)], records);
        Assert.Throws<FormatException>(() => InotifyRecord.ParseAll(buffer.ToArray().AsSpan(0, 20)));
    }

    [Fact]
    public void Snapshots_tell_writes_mode_changes_renames_creations_and_removals_by_base_name()
    {
        var keep = Write("keep.txt", "1");
        var mode = Write("mode.txt", "1");
        var old = Write("old.txt", "1");
        var gone = Write("gone.txt", "1");
        var before = DirectorySnapshot.Take(_directory);

        File.AppendAllText(keep, "more");
        File.SetUnixFileMode(mode, UnixFileMode.UserRead);
        File.Move(old, Path.Combine(_directory, "new.txt"));
        // Created before the deletion: a freed inode number can be reused at once, and the same inode under a new
        // name is a rename to a poller, Argo's included.
        Write("fresh.txt", "1");
        File.Delete(gone);
        var after = DirectorySnapshot.Take(_directory);
        var changes = after.ChangesSince(before).Where(c => c.Name != Path.GetFileName(_directory)).ToList();

        Assert.Equal(
            [
                new FileChange("keep.txt", "WRITE"),
                new FileChange("mode.txt", "CHMOD"),
                new FileChange("old.txt", "RENAME"),
                new FileChange("fresh.txt", "CREATE"),
                new FileChange("gone.txt", "REMOVE"),
            ],
            changes);
        Assert.Empty(after.ChangesSince(after));
    }

    [Fact]
    public void The_directory_itself_is_part_of_the_snapshot_and_a_missing_one_is_an_error()
    {
        var snapshot = DirectorySnapshot.Take(_directory);

        Assert.True(snapshot.Entries.ContainsKey(_directory));
        Assert.Throws<DirectoryNotFoundException>(() => DirectorySnapshot.Take(Path.Combine(_directory, "missing")));
    }

    [Theory]
    [InlineData("/data/", "x.txt", "/data/x.txt", true)]
    [InlineData("/data", "x.txt", "/data/x.txt", true)]
    [InlineData("/data/", "x.txt", "x.txt", true)]
    [InlineData("/data/", "x.txt", "/data/y.txt", false)]
    [InlineData("/data/", "sub/x.txt", "/data/sub/x.txt", true)]
    public void Exact_paths_match_relative_to_the_directory(string directory, string path, string name, bool expected)
        => Assert.Equal(expected, WatchedPath.Exact(directory, path).Matches(name));

    [Fact]
    public void Patterns_are_searched_in_the_relative_path()
    {
        var pattern = WatchedPath.Pattern("/data/", new System.Text.RegularExpressions.Regex("([a-z]+).txt"));
        var anchored = WatchedPath.Pattern("/data", new System.Text.RegularExpressions.Regex("^log-[0-9]+$"));

        Assert.True(pattern.Matches("/data/abc.txt"));
        Assert.False(pattern.Matches("/data/123.csv"));
        Assert.True(anchored.Matches("/data/log-12"));
        Assert.False(anchored.Matches("/data/old-log-12"));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        // Push the time back so a same-tick rewrite still shows as a new modification time.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        return path;
    }

    private static byte[] Record(int watch, uint mask, uint cookie, string name, int length)
    {
        var bytes = new byte[16 + length];
        MemoryMarshal.Write(bytes, in watch);
        MemoryMarshal.Write(bytes.AsSpan(4), in mask);
        MemoryMarshal.Write(bytes.AsSpan(8), in cookie);
        var len = (uint)length;
        MemoryMarshal.Write(bytes.AsSpan(12), in len);
        System.Text.Encoding.UTF8.GetBytes(name).CopyTo(bytes, 16);
        return bytes;
    }
}
