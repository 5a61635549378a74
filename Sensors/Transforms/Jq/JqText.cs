using System.Text;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>jq measures and slices strings in code points, not UTF-16 units; these helpers convert between the two.</summary>
internal static class JqText
{
    public static int CodePointAt(string s, int index, out int length)
    {
        if (char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(s[index], s[index + 1]);
        }

        length = 1;
        return s[index];
    }

    public static List<int> CodePoints(string s)
    {
        var list = new List<int>(s.Length);
        for (var i = 0; i < s.Length;)
        {
            list.Add(CodePointAt(s, i, out var len));
            i += len;
        }

        return list;
    }

    public static int CodePointLength(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; n++)
        {
            CodePointAt(s, i, out var len);
            i += len;
        }

        return n;
    }

    /// <summary>The code-point index of a UTF-16 offset.</summary>
    public static int CodePointIndex(string s, int utf16Offset)
    {
        var n = 0;
        for (var i = 0; i < utf16Offset; n++)
        {
            CodePointAt(s, i, out var len);
            i += len;
        }

        return n;
    }

    public static string FromCodePoints(IEnumerable<int> codePoints)
    {
        var sb = new StringBuilder();
        foreach (var cp in codePoints)
        {
            sb.Append(cp is >= 0xD800 and <= 0xDFFF or < 0 or > 0x10FFFF ? "\uFFFD" : char.ConvertFromUtf32(cp));
        }

        return sb.ToString();
    }

    /// <summary>The substring between code-point indexes <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static string SliceCodePoints(string s, int from, int to)
    {
        var cps = CodePoints(s);
        return from >= to ? string.Empty : FromCodePoints(cps.GetRange(from, to - from));
    }
}
