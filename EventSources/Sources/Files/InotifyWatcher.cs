using System.Threading.Channels;

namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>
/// Watches one directory (not its subdirectories) with inotify, reporting changes as fsnotify reports them: the
/// entry's full path and the operation its event bits mean. Unlike .NET's FileSystemWatcher this tells a write
/// (IN_MODIFY) from an attribute change (IN_ATTRIB). The watch ends with an error when the kernel queue overflowed
/// or the directory itself was removed or moved, so its owner can start over.
/// </summary>
public sealed class InotifyWatcher : IDisposable
{
    private readonly Channel<FileChange> _changes = Channel.CreateUnbounded<FileChange>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly string _directory;
    private readonly int _inotify;
    private readonly int _wake;
    private readonly int _watch;
    private readonly Thread _reader;
    private int _disposed;

    private InotifyWatcher(string directory, int inotify, int wake, int watch)
    {
        _directory = directory;
        _inotify = inotify;
        _wake = wake;
        _watch = watch;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"inotify {directory}" };
    }

    /// <summary>The changes, in the order the kernel reported them; completes with the error that ended the watch.</summary>
    public ChannelReader<FileChange> Changes => _changes.Reader;

    /// <summary>Starts watching <paramref name="directory"/> (an absolute path).</summary>
    /// <exception cref="IOException">inotify could not watch the directory; the message says why.</exception>
    /// <exception cref="PlatformNotSupportedException">Not Linux.</exception>
    public static InotifyWatcher Start(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("inotify needs Linux; use polling instead.");
        }

        var path = WatchedPath.CleanDirectory(directory);
        var inotify = LinuxNative.InotifyInit(LinuxNative.InotifyNonBlock | LinuxNative.InotifyCloseOnExec);
        if (inotify < 0)
        {
            throw new IOException($"inotify_init1 failed: {LinuxNative.LastError()}.");
        }

        var watch = LinuxNative.InotifyAddWatch(inotify, path, InotifyMask.Watched);
        if (watch < 0)
        {
            var error = LinuxNative.LastError();
            LinuxNative.Close(inotify);
            throw new IOException($"cannot watch the directory {path}: {error}.");
        }

        var wake = LinuxNative.EventFd(0, LinuxNative.EventFdNonBlock | LinuxNative.EventFdCloseOnExec);
        if (wake < 0)
        {
            var error = LinuxNative.LastError();
            LinuxNative.Close(inotify);
            throw new IOException($"eventfd failed: {error}.");
        }

        var watcher = new InotifyWatcher(path, inotify, wake, watch);
        watcher._reader.Start();
        return watcher;
    }

    /// <summary>Stops the watch and releases its descriptors.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        LinuxNative.Write(_wake, BitConverter.GetBytes(1UL), 8);
        _reader.Join();
        LinuxNative.Close(_wake);
        LinuxNative.Close(_inotify);
    }

    private void ReadLoop()
    {
        var fds = new LinuxNative.PollFd[]
        {
            new() { Fd = _inotify, Events = LinuxNative.PollIn },
            new() { Fd = _wake, Events = LinuxNative.PollIn },
        };
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                fds[0].ReturnedEvents = fds[1].ReturnedEvents = 0;
                if (LinuxNative.Poll(fds, 2, -1) < 0)
                {
                    ThrowUnlessRetryable("poll");
                    continue;
                }

                if (fds[1].ReturnedEvents != 0)
                {
                    _changes.Writer.TryComplete();
                    return;
                }

                if ((fds[0].ReturnedEvents & (LinuxNative.PollError | LinuxNative.PollHangUp | LinuxNative.PollInvalid)) != 0)
                {
                    throw new IOException($"the inotify descriptor of {_directory} failed (poll events {fds[0].ReturnedEvents}).");
                }

                var read = LinuxNative.Read(_inotify, buffer, buffer.Length);
                if (read < 0)
                {
                    ThrowUnlessRetryable("read");
                    continue;
                }

                foreach (var record in InotifyRecord.ParseAll(buffer.AsSpan(0, (int)read)))
                {
                    Handle(record);
                }
            }
        }
#pragma warning disable CA1031 // Whatever ended the watch is handed to the reader of the changes, which restarts it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _changes.Writer.TryComplete(e);
        }
    }

    private void Handle(InotifyRecord record)
    {
        if ((record.Mask & InotifyMask.QueueOverflow) != 0)
        {
            throw new IOException($"the inotify queue of {_directory} overflowed; changes were lost.");
        }

        if (record.Watch != _watch)
        {
            return;
        }

        if ((record.Mask & InotifyMask.Ignored) == 0)
        {
            var name = record.Name.Length == 0 ? _directory : WatchedPath.Join(_directory, record.Name);
            _changes.Writer.TryWrite(new FileChange(name, FileOpNames.Format(InotifyMask.ToOp(record.Mask))));
        }

        if ((record.Mask & (InotifyMask.DeleteSelf | InotifyMask.MoveSelf | InotifyMask.Ignored)) != 0)
        {
            throw new IOException($"the watched directory {_directory} was removed or moved.");
        }
    }

    private void ThrowUnlessRetryable(string call)
    {
        var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        if (errno is not (LinuxNative.Interrupted or LinuxNative.TryAgain))
        {
            throw new IOException($"{call} on the inotify descriptor of {_directory} failed: {System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
        }
    }
}
