using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;

namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>
/// Time zone abbreviations (<c>EST</c>, <c>CEST</c>, <c>+04</c>) as Go prints them, read from the zone's TZif file
/// (RFC 8536) under <c>$TZDIR</c> or <c>/usr/share/zoneinfo</c>, because .NET does not expose them. Instants past
/// the file's last transition use the names of its POSIX TZ footer, as Go does.
/// </summary>
internal sealed class TimeZoneAbbreviations
{
    private static readonly ConcurrentDictionary<string, TimeZoneAbbreviations?> Loaded = new(StringComparer.Ordinal);

    private readonly long[] _transitions;
    private readonly byte[] _transitionTypes;
    private readonly string[] _typeNames;
    private readonly string? _standardName;
    private readonly string? _daylightName;

    private TimeZoneAbbreviations(long[] transitions, byte[] transitionTypes, string[] typeNames, string? standardName, string? daylightName)
    {
        _transitions = transitions;
        _transitionTypes = transitionTypes;
        _typeNames = typeNames;
        _standardName = standardName;
        _daylightName = daylightName;
    }

    /// <summary>
    /// The abbreviation in force at <paramref name="instant"/>; when the zone has no TZif file, Go's numeric form
    /// of the offset (<c>+0530</c>).
    /// </summary>
    public static string For(TimeZoneInfo zone, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC")
        {
            return "UTC";
        }

        var table = Loaded.GetOrAdd(zone.Id, Load);
        return table?.Lookup(zone, instant) ?? GoTimeText.NumericOffset(zone.GetUtcOffset(instant));
    }

    /// <summary>Reads TZif bytes; null when they are not a TZif file.</summary>
    internal static TimeZoneAbbreviations? Parse(ReadOnlySpan<byte> tzif)
    {
        if (!TryReadHeader(tzif, out var version, out var counts))
        {
            return null;
        }

        var data = tzif[44..];
        if (version >= '2')
        {
            // Skip the 32-bit block; the 64-bit one after it covers every instant.
            var skip = (counts.TimeCount * 5) + (counts.TypeCount * 6) + counts.CharCount + (counts.LeapCount * 8) + counts.StdCount + counts.UtcCount;
            if (data.Length < skip || !TryReadHeader(data[skip..], out _, out counts))
            {
                return null;
            }

            data = data[(skip + 44)..];
        }

        var timeSize = version >= '2' ? 8 : 4;
        var needed = (counts.TimeCount * (timeSize + 1)) + (counts.TypeCount * 6) + counts.CharCount;
        if (data.Length < needed || counts.TypeCount == 0)
        {
            return null;
        }

        var transitions = new long[counts.TimeCount];
        for (var i = 0; i < counts.TimeCount; i++)
        {
            transitions[i] = timeSize == 8
                ? BinaryPrimitives.ReadInt64BigEndian(data[(i * 8)..])
                : BinaryPrimitives.ReadInt32BigEndian(data[(i * 4)..]);
        }

        var offset = counts.TimeCount * timeSize;
        var transitionTypes = data.Slice(offset, counts.TimeCount).ToArray();
        offset += counts.TimeCount;
        var types = data.Slice(offset, counts.TypeCount * 6);
        offset += counts.TypeCount * 6;
        var chars = data.Slice(offset, counts.CharCount);
        offset += counts.CharCount + (counts.LeapCount * (timeSize + 4)) + counts.StdCount + counts.UtcCount;

        var typeNames = new string[counts.TypeCount];
        for (var i = 0; i < counts.TypeCount; i++)
        {
            var index = types[(i * 6) + 5];
            var name = index < chars.Length ? chars[index..] : [];
            var end = name.IndexOf((byte)0);
            typeNames[i] = Encoding.ASCII.GetString(end < 0 ? name : name[..end]);
        }

        string? standard = null, daylight = null;
        if (version >= '2' && offset < data.Length)
        {
            ReadFooterNames(data[offset..], out standard, out daylight);
        }

        return new TimeZoneAbbreviations(transitions, transitionTypes, typeNames, standard, daylight);
    }

    private string? Lookup(TimeZoneInfo zone, DateTimeOffset instant)
    {
        var seconds = instant.ToUnixTimeSeconds();
        if (_transitions.Length == 0 || seconds < _transitions[0])
        {
            return _transitions.Length == 0 && _standardName is not null ? FooterName(zone, instant) : _typeNames[0];
        }

        var index = Array.BinarySearch(_transitions, seconds);
        if (index < 0)
        {
            index = ~index - 1;
        }

        if (index == _transitions.Length - 1 && _standardName is not null)
        {
            return FooterName(zone, instant);
        }

        var type = _transitionTypes[index];
        return type < _typeNames.Length ? _typeNames[type] : null;
    }

    private string? FooterName(TimeZoneInfo zone, DateTimeOffset instant)
        => zone.IsDaylightSavingTime(instant) && _daylightName is not null ? _daylightName : _standardName;

    private static TimeZoneAbbreviations? Load(string zoneId)
    {
        var directory = Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } tzdir ? tzdir : "/usr/share/zoneinfo";
        var path = Path.Combine(directory, zoneId);
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllBytes(path)) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool TryReadHeader(ReadOnlySpan<byte> bytes, out char version, out HeaderCounts counts)
    {
        version = '\0';
        counts = default;
        if (bytes.Length < 44 || !bytes[..4].SequenceEqual("TZif"u8))
        {
            return false;
        }

        version = bytes[4] == 0 ? '1' : (char)bytes[4];
        counts = new HeaderCounts(
            UtcCount: Count(bytes, 20),
            StdCount: Count(bytes, 24),
            LeapCount: Count(bytes, 28),
            TimeCount: Count(bytes, 32),
            TypeCount: Count(bytes, 36),
            CharCount: Count(bytes, 40));
        return true;

        static int Count(ReadOnlySpan<byte> header, int at) => (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(header[at..]), int.MaxValue / 16);
    }

    /// <summary>The standard and daylight names of a POSIX TZ string such as <c>EST5EDT,M3.2.0,M11.1.0</c> or <c>&lt;+04&gt;-4</c>.</summary>
    private static void ReadFooterNames(ReadOnlySpan<byte> footer, out string? standard, out string? daylight)
    {
        standard = daylight = null;
        if (footer.Length < 2 || footer[0] != (byte)'\n')
        {
            return;
        }

        var end = footer[1..].IndexOf((byte)'\n');
        var text = Encoding.ASCII.GetString(end < 0 ? footer[1..] : footer[1..(end + 1)]);
        var position = 0;
        standard = ReadName(text, ref position);
        while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] is '+' or '-' or ':'))
        {
            position++;
        }

        daylight = ReadName(text, ref position);
    }

    private static string? ReadName(string text, ref int position)
    {
        if (position >= text.Length)
        {
            return null;
        }

        if (text[position] == '<')
        {
            var close = text.IndexOf('>', position);
            if (close < 0)
            {
                return null;
            }

            var quoted = text[(position + 1)..close];
            position = close + 1;
            return quoted;
        }

        var start = position;
        while (position < text.Length && char.IsAsciiLetter(text[position]))
        {
            position++;
        }

        return position > start ? text[start..position] : null;
    }

    private readonly record struct HeaderCounts(int UtcCount, int StdCount, int LeapCount, int TimeCount, int TypeCount, int CharCount);
}
