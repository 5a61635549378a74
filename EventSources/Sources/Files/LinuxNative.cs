using System.Runtime.InteropServices;

namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>
/// The libc calls the file source needs and .NET does not wrap: inotify(7), poll(2), eventfd(2) to wake a poller,
/// and statx(2) for inode numbers and full modes (its struct layout is the same on every architecture).
/// </summary>
internal static class LinuxNative
{
    public const int InotifyNonBlock = 0x800;
    public const int InotifyCloseOnExec = 0x80000;
    public const int EventFdNonBlock = 0x800;
    public const int EventFdCloseOnExec = 0x80000;
    public const short PollIn = 0x1;
    public const short PollError = 0x8;
    public const short PollHangUp = 0x10;
    public const short PollInvalid = 0x20;
    public const int Interrupted = 4;
    public const int TryAgain = 11;
    public const int CurrentDirectory = -100;
    public const int SymlinkNoFollow = 0x100;
    public const uint StatxBasicStats = 0x7ff;
    public const int StatxSize = 256;

    /// <summary>The last error of a libc call, as its number and text.</summary>
    public static string LastError()
    {
        var errno = Marshal.GetLastPInvokeError();
        return $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
    }

    // DllImport rather than LibraryImport: the generated stubs need unsafe code, which this project does not allow.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "inotify_init1", SetLastError = true)]
    public static extern int InotifyInit(int flags);

    [DllImport("libc", EntryPoint = "inotify_add_watch", SetLastError = true)]
    public static extern int InotifyAddWatch(int fd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mask);

    [DllImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    public static extern int EventFd(uint initialValue, int flags);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static extern int Poll([In, Out] PollFd[] fds, nuint count, int timeoutMilliseconds);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    public static extern nint Read(int fd, [Out] byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    public static extern nint Write(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    public static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] statx);
#pragma warning restore SYSLIB1054

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }
}
