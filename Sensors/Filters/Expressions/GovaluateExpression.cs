using System.Globalization;

namespace ArgoEvents.Sensors.Filters.Expressions;

/// <summary>
/// A parsed govaluate expression. Operators, loosest binding first, as govaluate orders them: <c>?:</c> and <c>??</c>;
/// <c>||</c>; <c>&amp;&amp;</c>; <c>== != &gt; &gt;= &lt; &lt;= =~ !~ in</c>; <c>&amp; | ^</c>; <c>&lt;&lt; &gt;&gt;</c>;
/// <c>+ -</c>; <c>* / %</c>; <c>**</c>; prefix <c>- ! ~</c>. Binary operators associate to the left. Numbers are float64;
/// <c>+</c> concatenates when either side is a string; ordering needs two numbers or two strings; <c>==</c> needs equal
/// types and contents; <c>=~</c>/<c>!~</c> match RE2 patterns unanchored. Not supported (refused at parse): function
/// calls and govaluate's date-string literals (strings stay strings).
/// </summary>
public sealed class GovaluateExpression
{
    private readonly ExprNode _root;

    private GovaluateExpression(string text, ExprNode root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>
    /// Parses <paramref name="text"/>; parameter names are resolved to their index in <paramref name="parameterNames"/>,
    /// the order of the values later given to <see cref="Evaluate"/>. Unknown names fail only when evaluated, as in govaluate.
    /// </summary>
    /// <exception cref="ExprException">The text does not parse; the message has the position.</exception>
    public static GovaluateExpression Parse(string text, IReadOnlyList<string> parameterNames)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parameterNames);
        var parser = new Parser(text, ExprLexer.Tokenize(text), parameterNames);
        return new GovaluateExpression(text, parser.ParseAll());
    }

    /// <summary>Evaluates with <paramref name="parameters"/> in the order of the names given to <see cref="Parse"/>.</summary>
    /// <exception cref="ExprException">A type mismatch or an unknown parameter.</exception>
    public ExprValue Evaluate(ReadOnlySpan<ExprValue> parameters)
    {
        try
        {
            return _root.Evaluate(parameters);
        }
        catch (ExprRuntimeException e)
        {
            throw new ExprException(Text, -1, e.Message);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>Recursive descent, one method per precedence level.</summary>
    private sealed class Parser(string text, List<ExprToken> tokens, IReadOnlyList<string> names)
    {
        private static readonly string[] Comparators = ["==", "!=", ">", ">=", "<", "<=", "=~", "!~", "in"];
        private int _next;

        private ExprToken Peek => tokens[_next];

        public ExprNode ParseAll()
        {
            var root = ParseTernary();
            if (Peek.Kind != ExprTokenKind.End)
            {
                throw Error(Peek, $"unexpected '{Peek.Text}'");
            }

            return root;
        }

        private bool IsOp(params string[] ops) => Peek.Kind == ExprTokenKind.Operator && Array.IndexOf(ops, Peek.Text) >= 0;

        private ExprNode ParseTernary()
        {
            var left = ParseOr();
            while (true)
            {
                if (IsOp("?"))
                {
                    _next++;
                    var whenTrue = ParseOr();
                    ExprNode? whenFalse = null;
                    if (IsOp(":"))
                    {
                        _next++;
                        whenFalse = ParseTernary();
                    }

                    left = new TernaryNode(left, whenTrue, whenFalse);
                }
                else if (IsOp("??"))
                {
                    _next++;
                    left = new CoalesceNode(left, ParseOr());
                }
                else
                {
                    return left;
                }
            }
        }

        private ExprNode ParseOr()
        {
            var left = ParseAnd();
            while (IsOp("||"))
            {
                _next++;
                left = new LogicalNode(false, left, ParseAnd());
            }

            return left;
        }

        private ExprNode ParseAnd()
        {
            var left = ParseComparison();
            while (IsOp("&&"))
            {
                _next++;
                left = new LogicalNode(true, left, ParseComparison());
            }

            return left;
        }

        private ExprNode ParseComparison()
        {
            var left = ParseBinary(0);
            while (IsOp(Comparators))
            {
                var op = tokens[_next++];
                var rightToken = Peek;
                var right = ParseBinary(0);
                if (op.Text is "=~" or "!~")
                {
                    try
                    {
                        left = new RegexNode(op.Text == "!~", left, right);
                    }
                    catch (ArgumentException e)
                    {
                        throw Error(rightToken, e.Message);
                    }
                }
                else
                {
                    left = new BinaryNode(op.Text, left, right);
                }
            }

            return left;
        }

        private static readonly string[][] Levels = [["&", "|", "^"], ["<<", ">>"], ["+", "-"], ["*", "/", "%"], ["**"]];

        private ExprNode ParseBinary(int level)
        {
            if (level == Levels.Length)
            {
                return ParsePrefix();
            }

            var left = ParseBinary(level + 1);
            while (IsOp(Levels[level]))
            {
                var op = tokens[_next++].Text;
                left = new BinaryNode(op, left, ParseBinary(level + 1));
            }

            return left;
        }

        private ExprNode ParsePrefix()
        {
            if (IsOp("-", "!", "~"))
            {
                var op = tokens[_next++].Text;
                var operand = ParsePrefix();

                // Fold negative literals so "-1" is a constant, as govaluate's lexer reads it.
                return op == "-" && operand is LiteralNode { Value.Kind: ExprValueKind.Number } literal
                    ? new LiteralNode(ExprValue.FromNumber(-literal.Value.Number))
                    : new UnaryNode(op, operand);
            }

            return ParsePrimary();
        }

        private ExprNode ParsePrimary()
        {
            var token = tokens[_next++];
            switch (token.Kind)
            {
                case ExprTokenKind.Number:
                    return new LiteralNode(ExprValue.FromNumber(token.Number));
                case ExprTokenKind.String:
                    return new LiteralNode(ExprValue.FromString(token.Text));
                case ExprTokenKind.Bool:
                    return new LiteralNode(ExprValue.FromBool(token.Text == "true"));
                case ExprTokenKind.Parameter:
                    if (Peek.Kind == ExprTokenKind.LeftParen)
                    {
                        throw Error(token, $"function calls are not supported ('{token.Text}(')");
                    }

                    return Parameter(token.Text);
                case ExprTokenKind.LeftParen:
                    var items = new List<ExprNode> { ParseTernary() };
                    while (Peek.Kind == ExprTokenKind.Comma)
                    {
                        _next++;
                        items.Add(ParseTernary());
                    }

                    if (Peek.Kind != ExprTokenKind.RightParen)
                    {
                        throw Error(Peek, Peek.Kind == ExprTokenKind.End ? "missing ')'" : $"expected ')' but found '{Peek.Text}'");
                    }

                    _next++;
                    return items.Count == 1 ? items[0] : new ArrayNode([.. items]);
                case ExprTokenKind.End:
                    throw Error(token, "unexpected end of expression");
                default:
                    throw Error(token, $"unexpected '{token.Text}'");
            }
        }

        private ParameterNode Parameter(string name)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (string.Equals(names[i], name, StringComparison.Ordinal))
                {
                    return new ParameterNode(name, i, []);
                }
            }

            // "a.b.c" with only "a" bound reads member b.c of a's object value.
            var parts = name.Split('.');
            for (var take = parts.Length - 1; take >= 1; take--)
            {
                var baseName = string.Join('.', parts[..take]);
                for (var i = 0; i < names.Count; i++)
                {
                    if (string.Equals(names[i], baseName, StringComparison.Ordinal))
                    {
                        return new ParameterNode(name, i, parts[take..]);
                    }
                }
            }

            return new ParameterNode(name, -1, []);
        }

        private ExprException Error(ExprToken at, string problem) => new(text, at.Position, problem);
    }
}
