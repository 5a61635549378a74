using System.Text.RegularExpressions;

namespace ArgoEvents.EventSources.Filtering;

/// <summary>
/// Precedence-climbing parser for the supported subset of expr-lang, with expr-lang's precedences. Everything outside
/// the subset is refused with its column.
/// </summary>
internal sealed class ExprParser
{
    private static readonly Dictionary<string, (int Precedence, bool RightAssociative)> BinaryOperators = new(StringComparer.Ordinal)
    {
        ["or"] = (10, false), ["||"] = (10, false),
        ["and"] = (15, false), ["&&"] = (15, false),
        ["=="] = (20, false), ["!="] = (20, false), ["<"] = (20, false), [">"] = (20, false), ["<="] = (20, false), [">="] = (20, false),
        ["in"] = (20, false), ["matches"] = (20, false), ["contains"] = (20, false), ["startsWith"] = (20, false), ["endsWith"] = (20, false),
        [".."] = (25, false),
        ["+"] = (30, false), ["-"] = (30, false),
        ["*"] = (60, false), ["/"] = (60, false), ["%"] = (60, false),
        ["**"] = (100, true), ["^"] = (100, true),
        ["??"] = (500, false),
    };

    private static readonly Dictionary<string, int> UnaryOperators = new(StringComparer.Ordinal) { ["not"] = 50, ["!"] = 50, ["-"] = 90, ["+"] = 90 };

    private static readonly HashSet<string> Negatable = new(StringComparer.Ordinal) { "in", "matches", "contains", "startsWith", "endsWith" };

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "let", "if", "else" };

    private readonly List<ExprToken> _tokens;
    private int _index;

    private ExprParser(List<ExprToken> tokens) => _tokens = tokens;

    private ExprToken Current => _tokens[_index];

    /// <exception cref="ExprSyntaxException">Malformed, or outside the subset.</exception>
    public static ExprNode Parse(string source)
    {
        var parser = new ExprParser(ExprLexer.Tokenize(source));
        if (parser.Current.Kind == ExprTokenKind.End)
        {
            throw new ExprSyntaxException("the expression is empty", 0);
        }

        var node = parser.ParseExpression(0);
        if (parser.Current.Kind != ExprTokenKind.End)
        {
            throw new ExprSyntaxException($"unexpected '{parser.Current.Text}'", parser.Current.Position);
        }

        return node;
    }

    private ExprNode ParseExpression(int minPrecedence)
    {
        var left = ParseUnary();
        while (Current.Kind is ExprTokenKind.Operator or ExprTokenKind.Identifier)
        {
            var token = Current;
            var negate = false;
            var op = token.Text;
            var lookahead = 0;
            if (token.Is("not"))
            {
                var next = _tokens[_index + 1];
                if (!(next.Kind == ExprTokenKind.Identifier && Negatable.Contains(next.Text)))
                {
                    throw new ExprSyntaxException($"'not' must be followed by one of: {string.Join(", ", Negatable)}", token.Position);
                }

                negate = true;
                op = next.Text;
                lookahead = 1;
            }

            if (!BinaryOperators.TryGetValue(op, out var info) || info.Precedence < minPrecedence)
            {
                break;
            }

            _index += 1 + lookahead;
            var right = ParseExpression(info.RightAssociative ? info.Precedence : info.Precedence + 1);
            left = Binary(token.Position, op, left, right, negate);
        }

        if (minPrecedence == 0 && Current.Is("?"))
        {
            var position = Current.Position;
            _index++;
            var whenTrue = ParseExpression(0);
            Expect(":");
            var whenFalse = ParseExpression(0);
            left = new ConditionalNode(position, left, whenTrue, whenFalse);
        }

        return left;
    }

    private static ExprNode Binary(int position, string op, ExprNode left, ExprNode right, bool negate)
    {
        switch (op)
        {
            case "and" or "&&":
                return new LogicalNode(position, isAnd: true, left, right);
            case "or" or "||":
                return new LogicalNode(position, isAnd: false, left, right);
            case "??":
                return new CoalesceNode(position, left, right);
            case "matches" when right is LiteralNode { Value: string pattern }:
                try
                {
                    return new MatchesLiteralNode(position, left, ExprRegex.Compile(pattern), negate);
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException)
                {
                    throw new ExprSyntaxException($"invalid regular expression: {e.Message}", right.Position);
                }

            default:
                return new BinaryNode(position, op, left, right, negate);
        }
    }

    private ExprNode ParseUnary()
    {
        var token = Current;
        if (token.Kind is ExprTokenKind.Operator or ExprTokenKind.Identifier && UnaryOperators.TryGetValue(token.Text, out var precedence))
        {
            _index++;
            var operand = ParseExpression(precedence);
            return new UnaryNode(token.Position, token.Text, operand);
        }

        return ParsePostfix(ParsePrimary());
    }

    private ExprNode ParsePrimary()
    {
        var token = Current;
        _index++;
        switch (token.Kind)
        {
            case ExprTokenKind.Integer or ExprTokenKind.Float or ExprTokenKind.String:
                return new LiteralNode(token.Position, token.Value);
            case ExprTokenKind.Identifier:
                return Identifier(token);
            case ExprTokenKind.End:
                throw new ExprSyntaxException("unexpected end of expression", token.Position);
        }

        switch (token.Text)
        {
            case "(":
                var inner = ParseExpression(0);
                Expect(")");
                return inner;
            case "[":
                return new ArrayNode(token.Position, List("]", () => ParseExpression(0)));
            case "{":
                return new MapNode(token.Position, List("}", MapEntry));
            case ".":
                throw new ExprSyntaxException("a leading '.' (pointer syntax of closures) is not supported", token.Position);
            default:
                throw new ExprSyntaxException($"unexpected '{token.Text}'", token.Position);
        }
    }

    private ExprNode Identifier(ExprToken token)
    {
        switch (token.Text)
        {
            case "true":
                return new LiteralNode(token.Position, true);
            case "false":
                return new LiteralNode(token.Position, false);
            case "nil":
                return new LiteralNode(token.Position, null);
        }

        if (Reserved.Contains(token.Text))
        {
            throw new ExprSyntaxException($"'{token.Text}' is not supported", token.Position);
        }

        if (BinaryOperators.ContainsKey(token.Text))
        {
            throw new ExprSyntaxException($"unexpected operator '{token.Text}'", token.Position);
        }

        if (token.Text == "sprig")
        {
            throw new ExprSyntaxException("sprig functions (sprig.*) are not supported", token.Position);
        }

        if (!Current.Is("("))
        {
            if (ExprFunctions.Find(token.Text) is not null)
            {
                throw new ExprSyntaxException($"the function '{token.Text}' can only be called", token.Position);
            }

            return new IdentifierNode(token.Position, token.Text);
        }

        if (ExprFunctions.ClosureFunctions.Contains(token.Text))
        {
            throw new ExprSyntaxException($"the function '{token.Text}' takes a predicate; closures and predicates are not supported", token.Position);
        }

        var function = ExprFunctions.Find(token.Text)
            ?? throw new ExprSyntaxException($"unknown function '{token.Text}'; supported: {string.Join(", ", ExprFunctions.Names)}", token.Position);
        _index++;
        var arguments = List(")", () => ParseExpression(0));
        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            var expected = function.MinArguments == function.MaxArguments ? $"{function.MinArguments}" : $"{function.MinArguments} to {function.MaxArguments}";
            throw new ExprSyntaxException($"'{function.Name}' takes {expected} argument(s), got {arguments.Count}", token.Position);
        }

        if (function.Name == "jsonpath" && arguments[1] is LiteralNode { Value: string path })
        {
            try
            {
                JsonPathQuery.Parse(path);
            }
            catch (ExprRuntimeException e)
            {
                throw new ExprSyntaxException(e.Message, arguments[1].Position);
            }
        }

        return new CallNode(token.Position, function, arguments);
    }

    private ExprNode ParsePostfix(ExprNode node)
    {
        while (true)
        {
            var token = Current;
            if (token.Is(".") || token.Is("?."))
            {
                var optional = token.Is("?.");
                _index++;
                if (optional && Current.Is("["))
                {
                    node = Index(node, optional: true);
                    continue;
                }

                var name = Current;
                if (name.Kind != ExprTokenKind.Identifier)
                {
                    throw new ExprSyntaxException($"expected a member name after '{token.Text}'", name.Position);
                }

                _index++;
                if (Current.Is("("))
                {
                    throw new ExprSyntaxException($"method calls ('{name.Text}(...)') are not supported", name.Position);
                }

                node = new MemberNode(name.Position, node, new LiteralNode(name.Position, name.Text), optional);
            }
            else if (token.Is("["))
            {
                node = Index(node, optional: false);
            }
            else if (token.Is("("))
            {
                throw new ExprSyntaxException("only builtin functions can be called", token.Position);
            }
            else
            {
                return node;
            }
        }
    }

    private MemberNode Index(ExprNode node, bool optional)
    {
        var open = Current;
        _index++;
        if (Current.Is(":"))
        {
            throw new ExprSyntaxException("slices ('[a:b]') are not supported", Current.Position);
        }

        var key = ParseExpression(0);
        if (Current.Is(":"))
        {
            throw new ExprSyntaxException("slices ('[a:b]') are not supported", Current.Position);
        }

        Expect("]");
        return new MemberNode(open.Position, node, key, optional);
    }

    private (string Key, ExprNode Value) MapEntry()
    {
        var token = Current;
        string key = token.Kind switch
        {
            ExprTokenKind.Identifier or ExprTokenKind.Integer => token.Text,
            ExprTokenKind.String => (string)token.Value!,
            _ => throw new ExprSyntaxException("expected a map key", token.Position),
        };
        _index++;
        Expect(":");
        return (key, ParseExpression(0));
    }

    private List<T> List<T>(string close, Func<T> item)
    {
        var items = new List<T>();
        while (!Current.Is(close))
        {
            items.Add(item());
            if (!Current.Is(","))
            {
                break;
            }

            _index++;
        }

        Expect(close);
        return items;
    }

    private void Expect(string text)
    {
        if (!Current.Is(text))
        {
            throw new ExprSyntaxException(
                Current.Kind == ExprTokenKind.End ? $"expected '{text}' but the expression ended" : $"expected '{text}' but found '{Current.Text}'",
                Current.Position);
        }

        _index++;
    }
}
