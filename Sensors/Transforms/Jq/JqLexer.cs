using System.Globalization;
using System.Text;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>Splits a jq program into tokens; strings keep their interpolations as nested token lists.</summary>
internal sealed class JqLexer
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "then", "elif", "else", "end", "as", "def", "reduce", "foreach", "try", "catch", "label", "import",
        "include", "and", "or", "__loc__",
    };

    private static readonly string[] Puncts =
    [
        "?//", "//=", "|=", "+=", "-=", "*=", "/=", "%=", "==", "!=", "<=", ">=", "//",
        "|", ",", "(", ")", "[", "]", "{", "}", ":", ";", "?", "=", "<", ">", "+", "-", "*", "/", "%",
    ];

    private readonly string text;
    private int pos;

    private JqLexer(string text, int pos)
    {
        this.text = text;
        this.pos = pos;
    }

    public static List<JqToken> Tokenize(string text)
    {
        var lexer = new JqLexer(text, 0);
        var tokens = new List<JqToken>();
        while (true)
        {
            var t = lexer.Next();
            tokens.Add(t);
            if (t.Kind == JqTokenKind.End)
            {
                return tokens;
            }
        }
    }

    private JqToken Next()
    {
        SkipSpaceAndComments();
        if (pos >= text.Length)
        {
            return new JqToken(JqTokenKind.End, string.Empty, pos);
        }

        var start = pos;
        var c = text[pos];
        if (c == '"')
        {
            return LexString();
        }

        if (char.IsAsciiDigit(c) || (c == '.' && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1])))
        {
            return LexNumber();
        }

        if (c == '.')
        {
            pos++;
            if (pos < text.Length && text[pos] == '.')
            {
                pos++;
                return new JqToken(JqTokenKind.DotDot, "..", start);
            }

            if (pos < text.Length && IsIdentStart(text[pos]))
            {
                return new JqToken(JqTokenKind.Field, ReadIdent(), start);
            }

            return new JqToken(JqTokenKind.Dot, ".", start);
        }

        if (c == '$')
        {
            pos++;
            if (pos >= text.Length || !IsIdentStart(text[pos]))
            {
                throw JqSource.Error(text, start, "syntax error: '$' must be followed by a variable name");
            }

            return new JqToken(JqTokenKind.Variable, ReadIdent(), start);
        }

        if (c == '@')
        {
            pos++;
            if (pos >= text.Length || !IsIdentStart(text[pos]))
            {
                throw JqSource.Error(text, start, "syntax error: '@' must be followed by a format name");
            }

            return new JqToken(JqTokenKind.Format, ReadIdent(), start);
        }

        if (IsIdentStart(c))
        {
            var ident = ReadIdent();
            if (pos + 1 < text.Length && text[pos] == ':' && text[pos + 1] == ':')
            {
                throw JqSource.Error(text, start, $"unsupported construct: module reference '{ident}::' (modules are not supported)");
            }

            return new JqToken(Keywords.Contains(ident) ? JqTokenKind.Keyword : JqTokenKind.Identifier, ident, start);
        }

        foreach (var p in Puncts)
        {
            if (string.CompareOrdinal(text, pos, p, 0, p.Length) == 0)
            {
                pos += p.Length;
                return new JqToken(JqTokenKind.Punct, p, start);
            }
        }

        throw JqSource.Error(text, start, $"syntax error: unexpected character '{c}'");
    }

    private void SkipSpaceAndComments()
    {
        while (pos < text.Length)
        {
            if (char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }
            else if (text[pos] == '#')
            {
                while (pos < text.Length && text[pos] != '\n')
                {
                    pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private string ReadIdent()
    {
        var start = pos;
        while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] == '_'))
        {
            pos++;
        }

        return text[start..pos];
    }

    private JqToken LexNumber()
    {
        var start = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        if (pos < text.Length && text[pos] == '.')
        {
            pos++;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }
        }

        if (pos < text.Length && text[pos] is 'e' or 'E')
        {
            var save = pos;
            pos++;
            if (pos < text.Length && text[pos] is '+' or '-')
            {
                pos++;
            }

            if (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                while (pos < text.Length && char.IsAsciiDigit(text[pos]))
                {
                    pos++;
                }
            }
            else
            {
                pos = save;
            }
        }

        var literal = text[start..pos];
        return new JqToken(JqTokenKind.Number, literal, start, double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private JqToken LexString()
    {
        var start = pos;
        pos++;
        var parts = new List<object>();
        var sb = new StringBuilder();
        while (true)
        {
            if (pos >= text.Length)
            {
                throw JqSource.Error(text, start, "syntax error: unterminated string literal");
            }

            var c = text[pos++];
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (pos >= text.Length)
            {
                throw JqSource.Error(text, start, "syntax error: unterminated string literal");
            }

            var escapeAt = pos - 1;
            var e = text[pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (pos + 4 > text.Length || !int.TryParse(text.AsSpan(pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw JqSource.Error(text, escapeAt, "syntax error: invalid \\u escape in string literal");
                    }

                    sb.Append((char)code);
                    pos += 4;
                    break;
                case '(':
                    if (sb.Length > 0)
                    {
                        parts.Add(sb.ToString());
                        sb.Clear();
                    }

                    parts.Add(LexInterpolation(escapeAt));
                    break;
                default:
                    throw JqSource.Error(text, escapeAt, $"syntax error: invalid escape '\\{e}' in string literal");
            }
        }

        if (sb.Length > 0 || parts.Count == 0)
        {
            parts.Add(sb.ToString());
        }

        return new JqToken(JqTokenKind.String, text[start..pos], start, Parts: parts);
    }

    // Lexes up to the ')' closing a '\(' and returns the tokens in between, ended by an End token.
    private List<JqToken> LexInterpolation(int escapeAt)
    {
        var tokens = new List<JqToken>();
        var depth = 0;
        while (true)
        {
            var t = Next();
            if (t.Kind == JqTokenKind.End)
            {
                throw JqSource.Error(text, escapeAt, "syntax error: unterminated string interpolation '\\('");
            }

            if (t.Is("("))
            {
                depth++;
            }
            else if (t.Is(")"))
            {
                if (depth == 0)
                {
                    tokens.Add(new JqToken(JqTokenKind.End, string.Empty, t.Position));
                    return tokens;
                }

                depth--;
            }

            tokens.Add(t);
        }
    }
}
