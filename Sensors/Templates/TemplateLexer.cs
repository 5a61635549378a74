namespace ArgoEvents.Sensors.Templates;

/// <summary>Splits a template into text and action tokens as Go's text/template lexer does, trimming around <c>{{-</c> and <c>-}}</c>.</summary>
internal sealed class TemplateLexer
{
    private static readonly HashSet<string> Keywords =
        new(StringComparer.Ordinal) { "if", "else", "end", "range", "with", "break", "continue", "define", "template", "block" };

    private readonly string _text;
    private readonly List<TemplateToken> _tokens = [];
    private int _pos;

    private TemplateLexer(string text) => _text = text;

    /// <summary>Tokenises <paramref name="text"/>.</summary>
    /// <exception cref="GoTemplateException">A lexical error, naming the position.</exception>
    public static List<TemplateToken> Lex(string text)
    {
        var lexer = new TemplateLexer(text);
        lexer.Run();
        return lexer._tokens;
    }

    /// <summary>Formats an error at <paramref name="position"/> of <paramref name="text"/> as <c>template: LINE:COL: message</c>.</summary>
    public static GoTemplateException Error(string text, int position, string message)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new GoTemplateException($"template: {line}:{column}: {message}");
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsAlphaNumeric(char c) => c == '_' || char.IsLetterOrDigit(c);

    private void Run()
    {
        var trimNextText = false;
        while (_pos < _text.Length)
        {
            var open = _text.IndexOf("{{", _pos, StringComparison.Ordinal);
            var end = open < 0 ? _text.Length : open;
            var trimLeft = open >= 0 && open + 3 < _text.Length && _text[open + 2] == '-' && IsSpace(_text[open + 3]);
            var textStart = _pos;
            if (trimNextText)
            {
                while (textStart < end && IsSpace(_text[textStart]))
                {
                    textStart++;
                }
            }

            var textEnd = end;
            if (trimLeft)
            {
                while (textEnd > textStart && IsSpace(_text[textEnd - 1]))
                {
                    textEnd--;
                }
            }

            if (textEnd > textStart)
            {
                _tokens.Add(new TemplateToken(TokenKind.Text, textStart, _text[textStart..textEnd]));
            }

            if (open < 0)
            {
                _pos = _text.Length;
                break;
            }

            _pos = open + (trimLeft ? 4 : 2);
            trimNextText = LexAction(open);
        }

        _tokens.Add(new TemplateToken(TokenKind.Eof, _text.Length, string.Empty));
    }

    // Lexes one action starting after its left delimiter; returns whether it ended with a trim marker.
    private bool LexAction(int open)
    {
        if (_text.AsSpan(_pos).StartsWith("/*"))
        {
            var close = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw Error(_text, open, "unclosed comment");
            }

            _pos = close + 2;
            if (_text.AsSpan(_pos).StartsWith("}}"))
            {
                _pos += 2;
                return false;
            }

            if (_pos + 4 <= _text.Length && IsSpace(_text[_pos]) && _text.AsSpan(_pos + 1).StartsWith("-}}"))
            {
                _pos += 4;
                return true;
            }

            throw Error(_text, open, "comment ends before closing delimiter");
        }

        _tokens.Add(new TemplateToken(TokenKind.LeftDelim, open, "{{"));
        var parenDepth = 0;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error(_text, open, "unclosed action");
            }

            var c = _text[_pos];
            if (IsSpace(c))
            {
                var start = _pos;
                while (_pos < _text.Length && IsSpace(_text[_pos]))
                {
                    _pos++;
                }

                if (_text.AsSpan(_pos).StartsWith("-}}"))
                {
                    CheckParens(parenDepth, open);
                    _tokens.Add(new TemplateToken(TokenKind.RightDelim, _pos, "}}"));
                    _pos += 3;
                    return true;
                }

                _tokens.Add(new TemplateToken(TokenKind.Space, start, " "));
                continue;
            }

            if (_text.AsSpan(_pos).StartsWith("}}"))
            {
                CheckParens(parenDepth, open);
                _tokens.Add(new TemplateToken(TokenKind.RightDelim, _pos, "}}"));
                _pos += 2;
                return false;
            }

            var at = _pos;
            switch (c)
            {
                case '|':
                    Add(TokenKind.Pipe, 1);
                    break;
                case '(':
                    parenDepth++;
                    Add(TokenKind.LeftParen, 1);
                    break;
                case ')':
                    if (--parenDepth < 0)
                    {
                        throw Error(_text, at, "unexpected right paren");
                    }

                    Add(TokenKind.RightParen, 1);
                    break;
                case ',':
                    Add(TokenKind.Comma, 1);
                    break;
                case ':':
                    if (_pos + 1 >= _text.Length || _text[_pos + 1] != '=')
                    {
                        throw Error(_text, at, "expected :=");
                    }

                    Add(TokenKind.Declare, 2);
                    break;
                case '=':
                    Add(TokenKind.Assign, 1);
                    break;
                case '"':
                    Add(TokenKind.String, QuotedLength('"', "unterminated quoted string"));
                    break;
                case '`':
                    var closeQuote = _text.IndexOf('`', _pos + 1);
                    if (closeQuote < 0)
                    {
                        throw Error(_text, at, "unterminated raw quoted string");
                    }

                    Add(TokenKind.RawString, closeQuote + 1 - _pos);
                    break;
                case '\'':
                    Add(TokenKind.Char, QuotedLength('\'', "unterminated character constant"));
                    break;
                case '$':
                    Add(TokenKind.Variable, 1 + WordLength(_pos + 1));
                    break;
                case '.':
                    if (_pos + 1 < _text.Length && char.IsDigit(_text[_pos + 1]))
                    {
                        Add(TokenKind.Number, NumberLength(at));
                    }
                    else if (_pos + 1 < _text.Length && IsAlphaNumeric(_text[_pos + 1]))
                    {
                        Add(TokenKind.Field, 1 + WordLength(_pos + 1));
                    }
                    else
                    {
                        Add(TokenKind.Dot, 1);
                    }

                    break;
                default:
                    if (char.IsDigit(c) || ((c is '+' or '-') && _pos + 1 < _text.Length && (char.IsDigit(_text[_pos + 1]) || _text[_pos + 1] == '.')))
                    {
                        Add(TokenKind.Number, NumberLength(at));
                    }
                    else if (IsAlphaNumeric(c))
                    {
                        var word = _text.Substring(_pos, WordLength(_pos));
                        var kind = word switch
                        {
                            "true" or "false" => TokenKind.Bool,
                            "nil" => TokenKind.Nil,
                            _ when Keywords.Contains(word) => TokenKind.Keyword,
                            _ => TokenKind.Identifier,
                        };
                        Add(kind, word.Length);
                    }
                    else
                    {
                        throw Error(_text, at, $"unrecognized character in action: {Describe(c)}");
                    }

                    break;
            }
        }
    }

    private static string Describe(char c) => c < ' ' ? $"U+{(int)c:X4}" : $"'{c}'";

    private void CheckParens(int depth, int open)
    {
        if (depth > 0)
        {
            throw Error(_text, open, "unclosed left paren");
        }
    }

    private void Add(TokenKind kind, int length)
    {
        _tokens.Add(new TemplateToken(kind, _pos, _text.Substring(_pos, length)));
        _pos += length;
    }

    private int WordLength(int start)
    {
        var i = start;
        while (i < _text.Length && IsAlphaNumeric(_text[i]))
        {
            i++;
        }

        return i - start;
    }

    private int QuotedLength(char quote, string unterminated)
    {
        var i = _pos + 1;
        while (true)
        {
            if (i >= _text.Length || _text[i] == '\n')
            {
                throw Error(_text, _pos, unterminated);
            }

            if (_text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (_text[i] == quote)
            {
                return i + 1 - _pos;
            }

            i++;
        }
    }

    private int NumberLength(int start)
    {
        // Greedy like Go's scanner: sign, digits of any base, point, exponent; the parser validates the text.
        var i = start;
        if (_text[i] is '+' or '-')
        {
            i++;
        }

        var hex = i + 1 < _text.Length && _text[i] == '0' && _text[i + 1] is 'x' or 'X';
        while (i < _text.Length)
        {
            var c = _text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.')
            {
                i++;
            }
            else if ((c is '+' or '-') && i > start && (hex ? _text[i - 1] is 'p' or 'P' : _text[i - 1] is 'e' or 'E'))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i - start;
    }
}
