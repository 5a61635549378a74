using System.Text;

namespace ArgoEvents.Sensors.Templates;

/// <summary>Go's <c>base64.StdEncoding</c>: padded, newlines ignored, errors naming the offending input byte.</summary>
internal static class GoBase64
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>Decodes <paramref name="text"/>; on failure returns Go's error text, <c>illegal base64 data at input byte N</c>.</summary>
    public static bool TryDecode(string text, out byte[] bytes, out string error)
    {
        var src = Encoding.UTF8.GetBytes(text);
        var output = new List<byte>(src.Length * 3 / 4);
        bytes = [];
        error = string.Empty;
        var si = 0;
        Span<int> quantum = stackalloc int[4];
        while (true)
        {
            var length = 4;
            for (var j = 0; j < 4; j++)
            {
                SkipNewlines(src, ref si);
                if (si == src.Length)
                {
                    if (j == 0)
                    {
                        bytes = [.. output];
                        return true;
                    }

                    return Fail(si - j, out error);
                }

                var c = src[si++];
                if (c == '=')
                {
                    if (j < 2)
                    {
                        return Fail(si - 1, out error);
                    }

                    if (j == 2)
                    {
                        SkipNewlines(src, ref si);
                        if (si == src.Length)
                        {
                            return Fail(src.Length, out error);
                        }

                        if (src[si] != '=')
                        {
                            return Fail(si - 1, out error);
                        }

                        si++;
                    }

                    SkipNewlines(src, ref si);
                    if (si < src.Length)
                    {
                        return Fail(si, out error);
                    }

                    length = j;
                    break;
                }

                var value = Alphabet.IndexOf((char)c, StringComparison.Ordinal);
                if (value < 0)
                {
                    return Fail(si - 1, out error);
                }

                quantum[j] = value;
            }

            var bits = (quantum[0] << 18) | (quantum[1] << 12) | (length > 2 ? quantum[2] << 6 : 0) | (length > 3 ? quantum[3] : 0);
            output.Add((byte)(bits >> 16));
            if (length > 2)
            {
                output.Add((byte)(bits >> 8));
            }

            if (length > 3)
            {
                output.Add((byte)bits);
            }

            if (length < 4)
            {
                bytes = [.. output];
                return true;
            }
        }
    }

    private static void SkipNewlines(byte[] src, ref int si)
    {
        while (si < src.Length && src[si] is (byte)'\r' or (byte)'\n')
        {
            si++;
        }
    }

    private static bool Fail(int offset, out string error)
    {
        error = $"illegal base64 data at input byte {offset}";
        return false;
    }
}
