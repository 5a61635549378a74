using ArgoEvents.EventSources.Sources.Files;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Files;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InotifyWatcherTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("argo-inotify-").FullName;

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Each_operation_is_reported_under_the_full_path_with_fsnotifys_name()
    {
        using var watcher = InotifyWatcher.Start(_directory + "/");
        var a = Path.Combine(_directory, "a.txt");
        var b = Path.Combine(_directory, "b.txt");

        await using (var stream = File.Create(a))
        {
            await stream.WriteAsync("hello"u8.ToArray());
        }

        File.SetUnixFileMode(a, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        File.Move(a, b);
        File.Delete(b);
        var changes = await ReadUntilAsync(watcher, new FileChange(b, "REMOVE"));

        Assert.Equal(
            [
                new FileChange(a, "CREATE"),
                new FileChange(a, "WRITE"),
                new FileChange(a, "CHMOD"),
                new FileChange(a, "RENAME"),
                new FileChange(b, "CREATE"),
                new FileChange(b, "REMOVE"),
            ],
            changes);
    }

    [Fact]
    public async Task Removing_the_watched_directory_ends_the_watch_with_an_error()
    {
        using var watcher = InotifyWatcher.Start(_directory);

        Directory.Delete(_directory);
        var changes = new List<FileChange>();
        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (await watcher.Changes.WaitToReadAsync(timeout.Token))
            {
                while (watcher.Changes.TryRead(out var change))
                {
                    changes.Add(change);
                }
            }
        });

        Assert.Contains(new FileChange(_directory, "REMOVE"), changes);
        Assert.Contains("removed or moved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_directory_cannot_be_watched_and_the_error_says_where()
    {
        var missing = Path.Combine(_directory, "missing");

        var error = Assert.Throws<IOException>(() => InotifyWatcher.Start(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_stops_the_reader_and_completes_the_changes()
    {
        var watcher = InotifyWatcher.Start(_directory);

        watcher.Dispose();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.False(await watcher.Changes.WaitToReadAsync(timeout.Token));
    }

    /// <summary>The changes up to <paramref name="last"/>, each run of repeats as one (a write may take several syscalls).</summary>
    private static async Task<List<FileChange>> ReadUntilAsync(InotifyWatcher watcher, FileChange last)
    {
        var changes = new List<FileChange>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (changes.Count == 0 || changes[^1] != last)
        {
            var change = await watcher.Changes.ReadAsync(timeout.Token);
            if (changes.Count == 0 || changes[^1] != change)
            {
                changes.Add(change);
            }
        }

        return changes;
    }
}
