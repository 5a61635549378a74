using System.Globalization;
using System.Text;

namespace ArgoEvents.Sensors.Templates;

/// <summary>
/// Builds the node tree from tokens, checking at parse time what Go checks then: known functions, declared variables,
/// balanced control structures and <c>break</c>/<c>continue</c> only inside <c>range</c>.
/// </summary>
internal sealed class TemplateParser
{
    private readonly string _text;
    private readonly List<TemplateToken> _tokens;
    private readonly List<string> _variables = ["$"];
    private int _index;
    private int _rangeDepth;

    private TemplateParser(string text)
    {
        _text = text;
        _tokens = TemplateLexer.Lex(text);
    }

    /// <summary>Parses <paramref name="text"/> into its root list.</summary>
    /// <exception cref="GoTemplateException">A syntax error, naming the position and the problem.</exception>
    public static ListNode Parse(string text)
    {
        var parser = new TemplateParser(text);
        var (list, stop) = parser.ParseList();
        if (stop.Kind != TokenKind.Eof)
        {
            throw parser.Error(stop.Position, $"unexpected {{{{{stop.Text}}}}}");
        }

        return list;
    }

    private TemplateToken Peek => _tokens[_index];

    private GoTemplateException Error(int position, string message) => TemplateLexer.Error(_text, position, message);

    private TemplateToken Next() => _tokens[_index++];

    private TemplateToken NextNonSpace()
    {
        var token = Next();
        while (token.Kind == TokenKind.Space)
        {
            token = Next();
        }

        return token;
    }

    private TemplateToken PeekNonSpace()
    {
        var i = _index;
        while (_tokens[i].Kind == TokenKind.Space)
        {
            i++;
        }

        return _tokens[i];
    }

    // Parses nodes until EOF or an {{else}} / {{end}} keyword, which is returned (consumed up to the keyword).
    private (ListNode List, TemplateToken Stop) ParseList()
    {
        var nodes = new List<TemplateNode>();
        var start = Peek.Position;
        while (true)
        {
            var token = Next();
            switch (token.Kind)
            {
                case TokenKind.Eof:
                    return (new ListNode(start, nodes), token);
                case TokenKind.Text:
                    nodes.Add(new TextNode(token.Position, token.Text));
                    break;
                case TokenKind.LeftDelim:
                    var keyword = PeekNonSpace();
                    if (keyword.Kind == TokenKind.Keyword)
                    {
                        NextNonSpace();
                        switch (keyword.Text)
                        {
                            case "else" or "end":
                                return (new ListNode(start, nodes), keyword);
                            case "if":
                                nodes.Add(ParseControl(ControlKind.If, keyword));
                                break;
                            case "with":
                                nodes.Add(ParseControl(ControlKind.With, keyword));
                                break;
                            case "range":
                                nodes.Add(ParseControl(ControlKind.Range, keyword));
                                break;
                            case "break" or "continue":
                                if (_rangeDepth == 0)
                                {
                                    throw Error(keyword.Position, $"{{{{{keyword.Text}}}}} outside {{{{range}}}}");
                                }

                                ExpectRightDelim(keyword.Text);
                                nodes.Add(new LoopJumpNode(keyword.Position, keyword.Text == "break"));
                                break;
                            default:
                                throw Error(keyword.Position, $"{{{{{keyword.Text}}}}} (named templates) is not supported");
                        }
                    }
                    else
                    {
                        nodes.Add(new ActionNode(token.Position, ParsePipeline("command", TokenKind.RightDelim, allowDeclarations: true)));
                    }

                    break;
                default:
                    throw Error(token.Position, $"unexpected {token.Text}");
            }
        }
    }

    private void ExpectRightDelim(string context)
    {
        var token = NextNonSpace();
        if (token.Kind != TokenKind.RightDelim)
        {
            throw Error(token.Position, $"unexpected {token.Text} in {context}");
        }
    }

    private ControlNode ParseControl(ControlKind kind, TemplateToken keyword)
    {
        var mark = _variables.Count;
        try
        {
            var name = keyword.Text;
            var pipeline = ParsePipeline(name, TokenKind.RightDelim, allowDeclarations: true, allowTwoVariables: kind == ControlKind.Range);
            if (kind == ControlKind.Range)
            {
                _rangeDepth++;
            }

            ListNode body;
            TemplateToken stop;
            try
            {
                (body, stop) = ParseList();
            }
            finally
            {
                if (kind == ControlKind.Range)
                {
                    _rangeDepth--;
                }
            }

            ListNode? elseList = null;
            if (stop.Kind == TokenKind.Eof)
            {
                throw Error(keyword.Position, $"unexpected EOF: {{{{{name}}}}} has no {{{{end}}}}");
            }

            if (stop.Text == "else")
            {
                var next = PeekNonSpace();
                if (next.Kind == TokenKind.Keyword && (next.Text == "if" || next.Text == "with") && kind != ControlKind.Range)
                {
                    // {{else if x}} is {{else}}{{if x}}...{{end}}{{end}} sharing the outer {{end}}.
                    NextNonSpace();
                    var nested = ParseControl(next.Text == "if" ? ControlKind.If : ControlKind.With, next);
                    elseList = new ListNode(next.Position, [nested]);
                    return new ControlNode(keyword.Position, kind, pipeline, body, elseList);
                }

                ExpectRightDelim("else");
                (elseList, stop) = ParseList();
                if (stop.Kind == TokenKind.Eof)
                {
                    throw Error(keyword.Position, $"unexpected EOF: {{{{{name}}}}} has no {{{{end}}}}");
                }

                if (stop.Text != "end")
                {
                    throw Error(stop.Position, $"expected {{{{end}}}}; found {{{{{stop.Text}}}}}");
                }
            }

            ExpectRightDelim("end");
            return new ControlNode(keyword.Position, kind, pipeline, body, elseList);
        }
        finally
        {
            _variables.RemoveRange(mark, _variables.Count - mark);
        }
    }

    private PipelineNode ParsePipeline(string context, TokenKind end, bool allowDeclarations, bool allowTwoVariables = false)
    {
        var start = PeekNonSpace().Position;
        var declared = new List<string>();
        var isAssign = false;
        if (allowDeclarations && PeekNonSpace().Kind == TokenKind.Variable)
        {
            var save = _index;
            var first = NextNonSpace();
            var after = NextNonSpace();
            if (after.Kind is TokenKind.Declare or TokenKind.Assign)
            {
                declared.Add(first.Text);
                isAssign = after.Kind == TokenKind.Assign;
            }
            else if (after.Kind == TokenKind.Comma && allowTwoVariables)
            {
                var second = NextNonSpace();
                var op = NextNonSpace();
                if (second.Kind != TokenKind.Variable || op.Kind is not (TokenKind.Declare or TokenKind.Assign))
                {
                    throw Error(after.Position, $"range can only initialize variables");
                }

                declared.Add(first.Text);
                declared.Add(second.Text);
                isAssign = op.Kind == TokenKind.Assign;
            }
            else if (after.Kind == TokenKind.Comma)
            {
                throw Error(after.Position, $"too many declarations in {context}");
            }
            else
            {
                _index = save;
            }
        }

        if (isAssign)
        {
            foreach (var name in declared)
            {
                RequireVariable(name, start);
            }
        }

        var commands = new List<CommandNode>();
        while (true)
        {
            var token = PeekNonSpace();
            if (token.Kind == end)
            {
                NextNonSpace();
                break;
            }

            if (token.Kind == TokenKind.Eof || (token.Kind == TokenKind.RightDelim && end == TokenKind.RightParen))
            {
                throw Error(token.Position, end == TokenKind.RightParen ? "unclosed left paren" : "unclosed action");
            }

            commands.Add(ParseCommand(end));
            var separator = PeekNonSpace();
            if (separator.Kind == TokenKind.Pipe)
            {
                NextNonSpace();
                if (PeekNonSpace().Kind == end)
                {
                    throw Error(separator.Position, "missing command after |");
                }
            }
            else if (separator.Kind != end)
            {
                throw Error(separator.Position, $"unexpected {separator.Text} in operand");
            }
        }

        if (commands.Count == 0)
        {
            throw Error(start, $"missing value for {context}");
        }

        for (var i = 1; i < commands.Count; i++)
        {
            if (commands[i].Arguments[0] is LiteralNode or PipelineNode { Commands: [] })
            {
                throw Error(commands[i].Position, $"non executable command in pipeline stage {i + 1}");
            }
        }

        // Declared names are visible after the pipeline, not inside it.
        if (!isAssign)
        {
            _variables.AddRange(declared);
        }

        var source = _text[start..Math.Max(start, _tokens[_index - 1].Position)].Trim();
        return new PipelineNode(start, declared, isAssign, commands, source);
    }

    private CommandNode ParseCommand(TokenKind end)
    {
        var arguments = new List<TemplateNode>();
        var start = PeekNonSpace().Position;
        while (true)
        {
            var token = PeekNonSpace();
            if (token.Kind == end || token.Kind is TokenKind.Pipe or TokenKind.Eof or TokenKind.RightDelim or TokenKind.RightParen)
            {
                break;
            }

            NextNonSpace();
            arguments.Add(ParseOperand(token));
            if (Peek.Kind is not (TokenKind.Space or TokenKind.Pipe or TokenKind.RightDelim or TokenKind.RightParen or TokenKind.Eof))
            {
                throw Error(Peek.Position, $"unexpected {Peek.Text} in operand");
            }
        }

        if (arguments.Count == 0)
        {
            throw Error(start, "empty command");
        }

        return new CommandNode(start, arguments);
    }

    private TemplateNode ParseOperand(TemplateToken token)
    {
        TemplateNode term;
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                if (token.Text == "call")
                {
                    throw Error(token.Position, "function \"call\" is not supported (templates have no Go functions to call)");
                }

                if (!TemplateFunctions.TryGet(token.Text, out var function))
                {
                    throw Error(token.Position, $"function \"{token.Text}\" not defined");
                }

                term = new FunctionNode(token.Position, token.Text, function);
                break;
            case TokenKind.Dot:
                term = new DotNode(token.Position);
                break;
            case TokenKind.Field:
                var fields = new List<string> { token.Text[1..] };
                ReadFields(fields);
                return new FieldNode(token.Position, fields);
            case TokenKind.Variable:
                RequireVariable(token.Text, token.Position);
                var variableFields = new List<string>();
                ReadFields(variableFields);
                return new VariableNode(token.Position, token.Text, variableFields);
            case TokenKind.LeftParen:
                term = ParsePipeline("parenthesized pipeline", TokenKind.RightParen, allowDeclarations: false);
                break;
            case TokenKind.String or TokenKind.RawString:
                term = new LiteralNode(token.Position, token.Text, UnquoteString(token), LiteralKind.String, false);
                break;
            case TokenKind.Char:
                var rune = UnquoteChar(token);
                term = new LiteralNode(token.Position, token.Text, (long)rune, LiteralKind.Number, true);
                break;
            case TokenKind.Number:
                term = ParseNumber(token);
                break;
            case TokenKind.Bool:
                term = new LiteralNode(token.Position, token.Text, GoValues.Box(token.Text == "true"), LiteralKind.Bool, false);
                break;
            case TokenKind.Nil:
                term = new LiteralNode(token.Position, token.Text, null, LiteralKind.Nil, false);
                break;
            case TokenKind.Keyword:
                throw Error(token.Position, $"unexpected keyword {token.Text} in operand");
            default:
                throw Error(token.Position, $"unexpected {token.Text} in operand");
        }

        if (Peek.Kind == TokenKind.Field)
        {
            if (term is LiteralNode or FunctionNode)
            {
                throw Error(Peek.Position, $"unexpected . after term {token.Text}");
            }

            var chained = new List<string>();
            ReadFields(chained);
            return term is DotNode ? new FieldNode(token.Position, chained) : new ChainNode(token.Position, term, chained);
        }

        return term;
    }

    private void ReadFields(List<string> fields)
    {
        while (Peek.Kind == TokenKind.Field)
        {
            fields.Add(Next().Text[1..]);
        }
    }

    private void RequireVariable(string name, int position)
    {
        if (!_variables.Contains(name))
        {
            throw Error(position, $"undefined variable \"{name}\"");
        }
    }

    private LiteralNode ParseNumber(TemplateToken token)
    {
        var text = token.Text;
        if (text.EndsWith('i'))
        {
            throw Error(token.Position, $"complex number {text} is not supported");
        }

        var body = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = body.StartsWith('-');
        var unsigned = body.TrimStart('+', '-');
        if (TryParseInteger(unsigned, out var magnitude))
        {
            return new LiteralNode(token.Position, text, negative ? -magnitude : magnitude, LiteralKind.Number, true);
        }

        var isHex = unsigned.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (!isHex && double.TryParse(body, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            && !double.IsInfinity(value))
        {
            // A float literal is an integer too when integral, but as an untyped value it stays float64.
            var isInteger = value == Math.Floor(value) && Math.Abs(value) < 9.2e18;
            return new LiteralNode(token.Position, text, value, LiteralKind.Number, isInteger);
        }

        throw Error(token.Position, $"bad number syntax: \"{text}\"");
    }

    private static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }

        var (digits, radix) = text.Length > 1 && text[0] == '0' ? char.ToLowerInvariant(text[1]) switch
        {
            'x' => (text[2..], 16),
            'o' => (text[2..], 8),
            'b' => (text[2..], 2),
            _ => (text[1..], 8),
        } : (text, 10);
        if (digits.Length == 0)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var d = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (d >= radix)
            {
                return false;
            }

            try
            {
                value = checked((value * radix) + d);
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        return true;
    }

    private string UnquoteString(TemplateToken token)
    {
        if (token.Kind == TokenKind.RawString)
        {
            return token.Text[1..^1].Replace("\r", string.Empty, StringComparison.Ordinal);
        }

        return Unescape(token, token.Text[1..^1], '"');
    }

    private int UnquoteChar(TemplateToken token)
    {
        var text = Unescape(token, token.Text[1..^1], '\'');
        var runes = text.EnumerateRunes().ToList();
        if (runes.Count != 1)
        {
            throw Error(token.Position, $"malformed character constant: {token.Text}");
        }

        return runes[0].Value;
    }

    // Go escape sequences; \x and octal escapes are bytes, so the result is assembled as UTF-8.
    private string Unescape(TemplateToken token, string body, char quote)
    {
        if (!body.Contains('\\', StringComparison.Ordinal))
        {
            return body;
        }

        var bytes = new List<byte>(body.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                var rune = Rune.GetRuneAt(body, i);
                var n = rune.EncodeToUtf8(utf8);
                for (var k = 0; k < n; k++)
                {
                    bytes.Add(utf8[k]);
                }

                i += rune.Utf16SequenceLength - 1;
                continue;
            }

            if (++i >= body.Length)
            {
                throw Error(token.Position, $"invalid syntax in {token.Text}");
            }

            var e = body[i];
            switch (e)
            {
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'n': bytes.Add(10); break;
                case 'r': bytes.Add(13); break;
                case 't': bytes.Add(9); break;
                case 'v': bytes.Add(11); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case '\'' or '"' when e == quote: bytes.Add((byte)e); break;
                case 'x':
                    bytes.Add((byte)HexValue(token, body, i + 1, 2));
                    i += 2;
                    break;
                case 'u' or 'U':
                    var length = e == 'u' ? 4 : 8;
                    var code = HexValue(token, body, i + 1, length);
                    if (!Rune.IsValid(code))
                    {
                        throw Error(token.Position, $"invalid syntax in {token.Text}");
                    }

                    var written = new Rune(code).EncodeToUtf8(utf8);
                    for (var k = 0; k < written; k++)
                    {
                        bytes.Add(utf8[k]);
                    }

                    i += length;
                    break;
                case >= '0' and <= '7':
                    if (i + 2 >= body.Length || !IsOctal(body[i + 1]) || !IsOctal(body[i + 2]))
                    {
                        throw Error(token.Position, $"invalid syntax in {token.Text}");
                    }

                    var octal = ((e - '0') * 64) + ((body[i + 1] - '0') * 8) + (body[i + 2] - '0');
                    if (octal > 255)
                    {
                        throw Error(token.Position, $"invalid syntax in {token.Text}");
                    }

                    bytes.Add((byte)octal);
                    i += 2;
                    break;
                default:
                    throw Error(token.Position, $"invalid syntax in {token.Text}");
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';

    private int HexValue(TemplateToken token, string body, int start, int length)
    {
        if (start + length > body.Length
            || !int.TryParse(body.AsSpan(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(token.Position, $"invalid syntax in {token.Text}");
        }

        return value;
    }
}
