using System.Runtime.InteropServices;
using System.Text;

namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>One <c>struct inotify_event</c>: watch descriptor, event bits, rename cookie and the entry's name.</summary>
internal readonly record struct InotifyRecord(int Watch, uint Mask, uint Cookie, string Name)
{
    /// <summary>Size of the fixed part: wd, mask, cookie, len.</summary>
    public const int HeaderSize = 16;

    /// <summary>
    /// Reads the records a read(2) of an inotify descriptor returned: each a 16-byte header in host byte order
    /// followed by <c>len</c> bytes of NUL-padded name.
    /// </summary>
    /// <exception cref="FormatException">The buffer ends inside a record.</exception>
    public static List<InotifyRecord> ParseAll(ReadOnlySpan<byte> buffer)
    {
        var records = new List<InotifyRecord>();
        while (!buffer.IsEmpty)
        {
            if (buffer.Length < HeaderSize)
            {
                throw new FormatException($"inotify returned {buffer.Length} trailing bytes, fewer than an event header.");
            }

            var watch = MemoryMarshal.Read<int>(buffer);
            var mask = MemoryMarshal.Read<uint>(buffer[4..]);
            var cookie = MemoryMarshal.Read<uint>(buffer[8..]);
            var length = (int)MemoryMarshal.Read<uint>(buffer[12..]);
            if (buffer.Length - HeaderSize < length)
            {
                throw new FormatException($"inotify returned an event whose name ({length} bytes) runs past the {buffer.Length} bytes read.");
            }

            var name = buffer.Slice(HeaderSize, length);
            var end = name.IndexOf((byte)0);
            records.Add(new InotifyRecord(watch, mask, cookie, Encoding.UTF8.GetString(end < 0 ? name : name[..end])));
            buffer = buffer[(HeaderSize + length)..];
        }

        return records;
    }
}
