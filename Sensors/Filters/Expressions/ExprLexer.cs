using System.Globalization;
using System.Text;

namespace ArgoEvents.Sensors.Filters.Expressions;

/// <summary>
/// Splits a govaluate expression into tokens: float64 numbers (decimal or 0x hex), strings in single or double quotes
/// (backslash escapes the next character), true/false, parameters (letters, digits, '_' and '.'; or any text in
/// <c>[...]</c>, which is how govaluate spells names with '-' or spaces), operators, parentheses and commas.
/// </summary>
internal static class ExprLexer
{
    private static readonly string[] Operators =
    [
        "**", "==", "!=", ">=", "<=", "=~", "!~", "&&", "||", "??", "<<", ">>",
        "+", "-", "*", "/", "%", ">", "<", "!", "~", "&", "|", "^", "?", ":",
    ];

    public static List<ExprToken> Tokenize(string text)
    {
        var tokens = new List<ExprToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                tokens.Add(new ExprToken(ExprTokenKind.End, string.Empty, 0, i));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if (char.IsAsciiDigit(c) || c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(new ExprToken(ExprTokenKind.String, ReadQuoted(text, ref i, c, c), 0, start));
            }
            else if (c == '[')
            {
                tokens.Add(new ExprToken(ExprTokenKind.Parameter, ReadQuoted(text, ref i, '[', ']'), 0, start));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(word switch
                {
                    "true" or "false" => new ExprToken(ExprTokenKind.Bool, word, 0, start),
                    "in" or "IN" => new ExprToken(ExprTokenKind.Operator, "in", 0, start),
                    _ => new ExprToken(ExprTokenKind.Parameter, word, 0, start),
                });
            }
            else if (c == '(')
            {
                tokens.Add(new ExprToken(ExprTokenKind.LeftParen, "(", 0, i++));
            }
            else if (c == ')')
            {
                tokens.Add(new ExprToken(ExprTokenKind.RightParen, ")", 0, i++));
            }
            else if (c == ',')
            {
                tokens.Add(new ExprToken(ExprTokenKind.Comma, ",", 0, i++));
            }
            else
            {
                var op = Array.Find(Operators, o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                    ?? throw new ExprException(text, i, $"unexpected character '{c}'");
                tokens.Add(new ExprToken(ExprTokenKind.Operator, op, 0, i));
                i += op.Length;
            }
        }
    }

    private static ExprToken ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }

            if (!long.TryParse(text.AsSpan(start + 2, i - start - 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                throw new ExprException(text, start, "invalid hexadecimal number");
            }

            return new ExprToken(ExprTokenKind.Number, text[start..i], hex, start);
        }

        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i < text.Length && text[i] is 'e' or 'E' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] is '+' or '-'))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        var literal = text[start..i];
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new ExprException(text, start, $"invalid number '{literal}'");
        }

        return new ExprToken(ExprTokenKind.Number, literal, value, start);
    }

    private static string ReadQuoted(string text, ref int i, char open, char close)
    {
        var start = i++;
        var sb = new StringBuilder();
        while (i < text.Length && text[i] != close)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            sb.Append(text[i++]);
        }

        if (i == text.Length)
        {
            throw new ExprException(text, start, open == '[' ? "unclosed '[' parameter name" : "unclosed string");
        }

        i++;
        return sb.ToString();
    }
}
