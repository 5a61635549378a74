using System.Globalization;
using System.Text;

namespace ArgoEvents.EventSources.Filtering;

/// <summary>Splits an expression into tokens; characters outside the subset (pipes, closures' <c>#</c>, <c>;</c>) are refused here.</summary>
internal static class ExprLexer
{
    private static readonly string[] Operators =
    [
        "?.", "??", "**", "==", "!=", "<=", ">=", "&&", "||", "..",
        "^", "*", "/", "%", "+", "-", "<", ">", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}",
    ];

    public static List<ExprToken> Tokenize(string source)
    {
        var tokens = new List<ExprToken>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c))
            {
                tokens.Add(Number(source, ref i));
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(new ExprToken(ExprTokenKind.String, source[start..(i = QuotedEnd(source, start))], start, Unquote(source, start, i)));
            }
            else if (c == '`')
            {
                var end = source.IndexOf('`', start + 1);
                if (end < 0)
                {
                    throw new ExprSyntaxException("unterminated raw string", start);
                }

                i = end + 1;
                tokens.Add(new ExprToken(ExprTokenKind.String, source[start..i], start, source[(start + 1)..end]));
            }
            else if (char.IsLetter(c) || c is '_' or '$')
            {
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] is '_' or '$'))
                {
                    i++;
                }

                if (source.AsSpan(start, i - start).SequenceEqual("let"))
                {
                    throw new ExprSyntaxException("'let' is not supported", start);
                }

                tokens.Add(new ExprToken(ExprTokenKind.Identifier, source[start..i], start));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(source, i, o, 0, o.Length) == 0);
                if (op is null || (op == "?." && i + 2 < source.Length && char.IsAsciiDigit(source[i + 2])))
                {
                    op = op == "?." ? "?" : null;
                }

                if (op is null)
                {
                    var what = c switch
                    {
                        '|' => "pipes ('|') are not supported",
                        '#' => "closures and predicates ('#') are not supported",
                        ';' => "sequences (';') are not supported",
                        '=' => "assignment ('=') is not supported; use '=='",
                        '&' => "'&' is not an operator; use '&&' or 'and'",
                        _ => $"unexpected character '{c}'",
                    };
                    throw new ExprSyntaxException(what, start);
                }

                i += op.Length;
                tokens.Add(new ExprToken(ExprTokenKind.Operator, op, start));
            }
        }

        tokens.Add(new ExprToken(ExprTokenKind.End, string.Empty, source.Length));
        return tokens;
    }

    private static ExprToken Number(string source, ref int i)
    {
        var start = i;
        if (source[i] == '0' && i + 1 < source.Length && source[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < source.Length && (char.IsAsciiHexDigit(source[i]) || source[i] == '_'))
            {
                i++;
            }

            var hex = source[(start + 2)..i].Replace("_", string.Empty, StringComparison.Ordinal);
            return long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h)
                ? new ExprToken(ExprTokenKind.Integer, source[start..i], start, h)
                : throw new ExprSyntaxException($"invalid hexadecimal literal '{source[start..i]}'", start);
        }

        var isFloat = false;
        Digits(source, ref i);
        // "1..3" is a range, not the float "1." followed by ".3".
        if (i + 1 < source.Length && source[i] == '.' && char.IsAsciiDigit(source[i + 1]))
        {
            isFloat = true;
            i++;
            Digits(source, ref i);
        }

        if (i < source.Length && source[i] is 'e' or 'E')
        {
            var exponentStart = i;
            i++;
            if (i < source.Length && source[i] is '+' or '-')
            {
                i++;
            }

            if (i >= source.Length || !char.IsAsciiDigit(source[i]))
            {
                throw new ExprSyntaxException($"invalid number literal '{source[start..i]}'", exponentStart);
            }

            isFloat = true;
            Digits(source, ref i);
        }

        var text = source[start..i].Replace("_", string.Empty, StringComparison.Ordinal);
        if (isFloat)
        {
            return new ExprToken(ExprTokenKind.Float, source[start..i], start, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? new ExprToken(ExprTokenKind.Integer, source[start..i], start, value)
            : throw new ExprSyntaxException($"integer literal '{source[start..i]}' is out of range", start);
    }

    private static void Digits(string source, ref int i)
    {
        while (i < source.Length && (char.IsAsciiDigit(source[i]) || source[i] == '_'))
        {
            i++;
        }
    }

    private static int QuotedEnd(string source, int start)
    {
        var quote = source[start];
        for (var i = start + 1; i < source.Length; i++)
        {
            if (source[i] == '\\')
            {
                i++;
            }
            else if (source[i] == quote)
            {
                return i + 1;
            }
        }

        throw new ExprSyntaxException("unterminated string literal", start);
    }

    private static string Unquote(string source, int start, int end)
    {
        var builder = new StringBuilder();
        for (var i = start + 1; i < end - 1; i++)
        {
            var c = source[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var at = i;
            var escape = source[++i];
            switch (escape)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'v': builder.Append('\v'); break;
                case '\\' or '\'' or '"' or '`': builder.Append(escape); break;
                case 'x': builder.Append((char)Hex(source, ref i, 2, at)); break;
                case 'u': builder.Append(char.ConvertFromUtf32(Hex(source, ref i, 4, at))); break;
                case 'U': builder.Append(char.ConvertFromUtf32(Hex(source, ref i, 8, at))); break;
                default: throw new ExprSyntaxException($"invalid escape '\\{escape}' in string literal", at);
            }
        }

        return builder.ToString();
    }

    private static int Hex(string source, ref int i, int length, int at)
    {
        if (i + length >= source.Length || !int.TryParse(source.AsSpan(i + 1, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        {
            throw new ExprSyntaxException("invalid hexadecimal escape in string literal", at);
        }

        i += length;
        return value;
    }
}
