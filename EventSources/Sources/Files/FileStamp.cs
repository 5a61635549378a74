using System.Buffers.Binary;

namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>
/// What the poller compares of an entry: identity (device and inode, to recognize a rename), full mode (type and
/// permission bits, as Go's FileInfo.Mode), modification time in nanoseconds and size.
/// </summary>
public readonly record struct FileStamp(ulong Device, ulong Inode, uint Mode, long ModifiedNanoseconds, long Size)
{
    /// <summary>Whether both stamps are of the same file (Go's os.SameFile).</summary>
    public bool IsSameFile(FileStamp other) => Device == other.Device && Inode == other.Inode;

    /// <summary>The stamp of <paramref name="path"/>; null when it does not exist (any more).</summary>
    /// <param name="path">An absolute path.</param>
    /// <param name="followLinks">Stat the link's target (os.Stat) rather than the link (os.Lstat).</param>
    /// <exception cref="IOException">statx failed for another reason than the path being gone.</exception>
    public static FileStamp? Read(string path, bool followLinks)
    {
        var buffer = new byte[LinuxNative.StatxSize];
        if (LinuxNative.Statx(LinuxNative.CurrentDirectory, path, followLinks ? 0 : LinuxNative.SymlinkNoFollow, LinuxNative.StatxBasicStats, buffer) != 0)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            const int NoSuchEntry = 2, NotADirectory = 20;
            return errno is NoSuchEntry or NotADirectory ? null : throw new IOException($"statx {path} failed: {LinuxNative.LastError()}.");
        }

        // struct statx: stx_mode u16 @28, stx_ino u64 @32, stx_size u64 @40, stx_mtime {s64 sec, u32 nsec} @112,
        // stx_dev_major u32 @136, stx_dev_minor u32 @140. statx always uses these sizes; the order is the host's.
        var span = buffer.AsSpan();
        var mode = ReadUInt16(span[28..]);
        var inode = ReadUInt64(span[32..]);
        var size = (long)ReadUInt64(span[40..]);
        var modified = ((long)ReadUInt64(span[112..]) * 1_000_000_000L) + ReadUInt32(span[120..]);
        var device = ((ulong)ReadUInt32(span[136..]) << 32) | ReadUInt32(span[140..]);
        return new FileStamp(device, inode, mode, modified, size);
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> bytes) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);

    private static ulong ReadUInt64(ReadOnlySpan<byte> bytes) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : BinaryPrimitives.ReadUInt64BigEndian(bytes);
}
