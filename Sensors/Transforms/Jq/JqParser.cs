using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// Recursive-descent parser for the supported jq language, with jq's precedence (lowest first): <c>|</c>, <c>,</c>,
/// <c>//</c>, assignments, <c>or</c>, <c>and</c>, comparisons, <c>+ -</c>, <c>* / %</c>, unary minus, postfix terms.
/// Builtins and variables are resolved here, so unknown names fail at parse time with their position.
/// </summary>
internal sealed class JqParser
{
    private static readonly Dictionary<string, JqBinaryOperator> Comparisons = new(StringComparer.Ordinal)
    {
        ["=="] = JqBinaryOperator.Equal,
        ["!="] = JqBinaryOperator.NotEqual,
        ["<"] = JqBinaryOperator.Less,
        ["<="] = JqBinaryOperator.LessOrEqual,
        [">"] = JqBinaryOperator.Greater,
        [">="] = JqBinaryOperator.GreaterOrEqual,
    };

    private static readonly Dictionary<string, JqBinaryOperator> ArithmeticAssignments = new(StringComparer.Ordinal)
    {
        ["+="] = JqBinaryOperator.Add,
        ["-="] = JqBinaryOperator.Subtract,
        ["*="] = JqBinaryOperator.Multiply,
        ["/="] = JqBinaryOperator.Divide,
        ["%="] = JqBinaryOperator.Modulo,
    };

    private readonly string text;
    private readonly List<JqToken> tokens;
    private ImmutableStack<string> scope;
    private int at;

    private JqParser(string text, List<JqToken> tokens, ImmutableStack<string> scope)
    {
        this.text = text;
        this.tokens = tokens;
        this.scope = scope;
    }

    public static JqNode Parse(string text)
    {
        var parser = new JqParser(text, JqLexer.Tokenize(text), ImmutableStack<string>.Empty);
        if (parser.Peek.Kind == JqTokenKind.End)
        {
            return IdentityNode.Instance;
        }

        var node = parser.ParsePipe();
        parser.ExpectEnd();
        return node;
    }

    private JqToken Peek => tokens[at];

    private JqToken Take() => tokens[at++];

    private JqException Unexpected(JqToken t) =>
        JqSource.Error(text, t.Position, $"syntax error: unexpected {t.Describe()}");

    private JqException Unsupported(JqToken t, string what) =>
        JqSource.Error(text, t.Position, $"unsupported construct: {what}");

    private void Expect(string punct)
    {
        var t = Take();
        if (!t.Is(punct))
        {
            throw JqSource.Error(text, t.Position, $"syntax error: expected '{punct}' but found {t.Describe()}");
        }
    }

    private void ExpectEnd()
    {
        if (Peek.Kind != JqTokenKind.End)
        {
            throw Unexpected(Peek);
        }
    }

    private bool Accept(string punct)
    {
        if (Peek.Is(punct))
        {
            at++;
            return true;
        }

        return false;
    }

    private JqNode ParsePipe()
    {
        EnsureStack();
        if (Peek.Is("def"))
        {
            throw Unsupported(Peek, "function definitions ('def') are not supported");
        }

        var left = ParseComma();
        return Accept("|") ? new PipeNode(left, ParsePipe()) : left;
    }

    // Object values: pipes without commas.
    private JqNode ParsePipeNoComma()
    {
        var left = ParseAlternative();
        return Accept("|") ? new PipeNode(left, ParsePipeNoComma()) : left;
    }

    private JqNode ParseComma()
    {
        var left = ParseAlternative();
        while (Accept(","))
        {
            left = new CommaNode(left, ParseAlternative());
        }

        return left;
    }

    private JqNode ParseAlternative()
    {
        var left = ParseAssignment();
        if (Peek.Is("?//"))
        {
            throw Unsupported(Peek, "destructuring alternative operator '?//' is not supported");
        }

        return Accept("//") ? new AlternativeNode(left, ParseAlternative()) : left;
    }

    private JqNode ParseAssignment()
    {
        var left = ParseOr();
        var t = Peek;
        if (t.Kind != JqTokenKind.Punct)
        {
            return left;
        }

        if (t.Text == "=")
        {
            at++;
            return new AssignNode(JqAssignKind.Set, default, left, ParseAlternative());
        }

        if (t.Text == "|=")
        {
            at++;
            return new AssignNode(JqAssignKind.Update, default, left, ParseAlternative());
        }

        if (t.Text == "//=")
        {
            at++;
            return new AssignNode(JqAssignKind.Alternative, default, left, ParseAlternative());
        }

        if (ArithmeticAssignments.TryGetValue(t.Text, out var op))
        {
            at++;
            return new AssignNode(JqAssignKind.Arithmetic, op, left, ParseAlternative());
        }

        return left;
    }

    private JqNode ParseOr()
    {
        var left = ParseAnd();
        while (Accept("or"))
        {
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private JqNode ParseAnd()
    {
        var left = ParseComparison();
        while (Accept("and"))
        {
            left = new AndNode(left, ParseComparison());
        }

        return left;
    }

    private JqNode ParseComparison()
    {
        var left = ParseAdditive();
        if (Peek.Kind == JqTokenKind.Punct && Comparisons.TryGetValue(Peek.Text, out var op))
        {
            at++;
            var node = new BinaryNode(op, left, ParseAdditive());
            if (Peek.Kind == JqTokenKind.Punct && Comparisons.ContainsKey(Peek.Text))
            {
                throw JqSource.Error(text, Peek.Position, $"syntax error: comparison operators do not chain; parenthesize before {Peek.Describe()}");
            }

            return node;
        }

        return left;
    }

    private JqNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            if (Accept("+"))
            {
                left = new BinaryNode(JqBinaryOperator.Add, left, ParseMultiplicative());
            }
            else if (Accept("-"))
            {
                left = new BinaryNode(JqBinaryOperator.Subtract, left, ParseMultiplicative());
            }
            else
            {
                return left;
            }
        }
    }

    private JqNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            if (Accept("*"))
            {
                left = new BinaryNode(JqBinaryOperator.Multiply, left, ParseUnary());
            }
            else if (Accept("/"))
            {
                left = new BinaryNode(JqBinaryOperator.Divide, left, ParseUnary());
            }
            else if (Accept("%"))
            {
                left = new BinaryNode(JqBinaryOperator.Modulo, left, ParseUnary());
            }
            else
            {
                return left;
            }
        }
    }

    private JqNode ParseUnary()
    {
        EnsureStack();
        return Accept("-") ? new NegateNode(ParseUnary()) : ParsePostfix();
    }

    private void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw JqSource.Error(text, Peek.Position, "program nests too deeply");
        }
    }

    private JqNode ParsePostfix(bool allowBinding = true)
    {
        var term = ParsePrimary();
        while (true)
        {
            var t = Peek;
            if (t.Kind == JqTokenKind.Field)
            {
                at++;
                term = new IndexNode(term, new LiteralNode(t.Text));
            }
            else if (t.Kind == JqTokenKind.Dot && tokens[at + 1].Kind == JqTokenKind.String)
            {
                at++;
                term = new IndexNode(term, ParseString(Take(), "text"));
            }
            else if (t.Kind == JqTokenKind.Dot && tokens[at + 1].Is("["))
            {
                at++;
                term = ParseBracketSuffix(term);
            }
            else if (t.Is("["))
            {
                term = ParseBracketSuffix(term);
            }
            else if (t.Is("?"))
            {
                at++;
                term = new TryNode(term, null);
            }
            else if (allowBinding && t.Is("as"))
            {
                at++;
                return ParseBinding(term);
            }
            else
            {
                return term;
            }
        }
    }

    private JqNode ParseBinding(JqNode source)
    {
        var pattern = ParsePattern();
        if (Peek.Is("?//"))
        {
            throw Unsupported(Peek, "destructuring alternative operator '?//' is not supported");
        }

        Expect("|");
        var saved = scope;
        foreach (var v in pattern.Variables())
        {
            scope = scope.Push(v);
        }

        var body = ParsePipe();
        scope = saved;
        return new BindNode(source, pattern, body);
    }

    private JqPattern ParsePattern()
    {
        var t = Take();
        if (t.Kind == JqTokenKind.Variable)
        {
            RefuseSpecialVariable(t);
            return JqPattern.Variable(t.Text);
        }

        if (t.Is("["))
        {
            var elements = new List<JqPattern>();
            if (Peek.Is("]"))
            {
                throw Unexpected(Peek);
            }

            do
            {
                elements.Add(ParsePattern());
            }
            while (Accept(","));
            Expect("]");
            return JqPattern.Array(elements);
        }

        if (t.Is("{"))
        {
            var entries = new List<(JqNode, string?, JqPattern?)>();
            do
            {
                var k = Take();
                if (k.Kind == JqTokenKind.Variable)
                {
                    RefuseSpecialVariable(k);
                    entries.Add((new LiteralNode(k.Text), k.Text, Accept(":") ? ParsePattern() : null));
                }
                else if (k.Kind is JqTokenKind.Identifier or JqTokenKind.Keyword)
                {
                    Expect(":");
                    entries.Add((new LiteralNode(k.Text), null, ParsePattern()));
                }
                else if (k.Kind == JqTokenKind.String)
                {
                    var key = ParseString(k, "text");
                    Expect(":");
                    entries.Add((key, null, ParsePattern()));
                }
                else if (k.Is("("))
                {
                    var key = ParsePipe();
                    Expect(")");
                    Expect(":");
                    entries.Add((key, null, ParsePattern()));
                }
                else
                {
                    throw Unexpected(k);
                }
            }
            while (Accept(","));
            Expect("}");
            return JqPattern.Object(entries);
        }

        throw JqSource.Error(text, t.Position, $"syntax error: expected a variable or destructuring pattern after 'as' but found {t.Describe()}");
    }

    // After the target: '[' already current. Handles E[], E[i], E[a:b], E[:b], E[a:].
    private JqNode ParseBracketSuffix(JqNode target)
    {
        Expect("[");
        if (Accept("]"))
        {
            return new IterateNode(target);
        }

        if (Accept(":"))
        {
            var to = ParsePipe();
            Expect("]");
            return new SliceNode(target, null, to);
        }

        var index = ParsePipe();
        if (Accept(":"))
        {
            if (Accept("]"))
            {
                return new SliceNode(target, index, null);
            }

            var to = ParsePipe();
            Expect("]");
            return new SliceNode(target, index, to);
        }

        Expect("]");
        return new IndexNode(target, index);
    }

    private JqNode ParsePrimary()
    {
        var t = Take();
        switch (t.Kind)
        {
            case JqTokenKind.Dot:
                if (Peek.Kind == JqTokenKind.String)
                {
                    return new IndexNode(IdentityNode.Instance, ParseString(Take(), "text"));
                }

                if (Peek.Is("["))
                {
                    return ParseBracketSuffix(IdentityNode.Instance);
                }

                return IdentityNode.Instance;
            case JqTokenKind.DotDot:
                return new RecurseAllNode();
            case JqTokenKind.Field:
                return new IndexNode(IdentityNode.Instance, new LiteralNode(t.Text));
            case JqTokenKind.Number:
                return new LiteralNode(t.Number);
            case JqTokenKind.String:
                return ParseString(t, "text");
            case JqTokenKind.Format:
                if (!JqFormats.Names.Contains(t.Text))
                {
                    throw JqSource.Error(text, t.Position, $"unsupported construct: format '@{t.Text}' (supported: @text, @json, @html, @uri, @csv, @tsv, @sh, @base64, @base64d)");
                }

                return Peek.Kind == JqTokenKind.String ? ParseString(Take(), t.Text) : new FormatNode(t.Text);
            case JqTokenKind.Variable:
                RefuseSpecialVariable(t);
                if (!scope.Contains(t.Text))
                {
                    throw JqSource.Error(text, t.Position, $"${t.Text} is not defined");
                }

                return new VariableNode(t.Text);
            case JqTokenKind.Identifier:
                return ParseCall(t);
            case JqTokenKind.Keyword:
                return ParseKeyword(t);
            case JqTokenKind.Punct:
                switch (t.Text)
                {
                    case "(":
                        var inner = ParsePipe();
                        Expect(")");
                        return inner;
                    case "[":
                        if (Accept("]"))
                        {
                            return new ArrayNode(null);
                        }

                        var body = ParsePipe();
                        Expect("]");
                        return new ArrayNode(body);
                    case "{":
                        return ParseObject();
                    case "-":
                        return new NegateNode(ParsePostfix());
                }

                throw Unexpected(t);
            default:
                throw Unexpected(t);
        }
    }

    private void RefuseSpecialVariable(JqToken t)
    {
        if (t.Text == "ENV")
        {
            throw Unsupported(t, "$ENV is not available in transforms (the sensor's environment is not exposed to event data)");
        }

        if (t.Text == "__loc__")
        {
            throw Unsupported(t, "$__loc__ is not supported");
        }

        if (t.Text == "__prog_args")
        {
            throw Unsupported(t, "$__prog_args is not supported");
        }
    }

    private JqNode ParseKeyword(JqToken t)
    {
        switch (t.Text)
        {
            case "if":
                return ParseIf();
            case "try":
                var body = ParsePostfixNoBinding();
                JqNode? handler = null;
                if (Accept("catch"))
                {
                    handler = ParsePostfixNoBinding();
                }

                return new TryNode(body, handler);
            case "reduce":
            {
                var source = ParsePostfixNoBinding();
                Expect("as");
                var (pattern, init, update, _) = ParseLoopBody(t, withExtract: false);
                return new ReduceNode(source, pattern, init, update);
            }

            case "foreach":
            {
                var source = ParsePostfixNoBinding();
                Expect("as");
                var (pattern, init, update, extract) = ParseLoopBody(t, withExtract: true);
                return new ForeachNode(source, pattern, init, update, extract);
            }

            case "def":
                throw Unsupported(t, "function definitions ('def') are not supported");
            case "label":
                throw Unsupported(t, "'label' and 'break' are not supported");
            case "import" or "include":
                throw Unsupported(t, $"modules ('{t.Text}') are not supported");
            case "__loc__":
                throw Unsupported(t, "$__loc__ is not supported");
            default:
                throw Unexpected(t);
        }
    }

    // The source of reduce/foreach and the bodies of try/catch are postfix terms that must not swallow 'as'.
    private JqNode ParsePostfixNoBinding() => ParsePostfix(allowBinding: false);

    private (JqPattern Pattern, JqNode Init, JqNode Update, JqNode? Extract) ParseLoopBody(JqToken keyword, bool withExtract)
    {
        var pattern = ParsePattern();
        Expect("(");
        var init = ParsePipe();
        Expect(";");
        var saved = scope;
        foreach (var v in pattern.Variables())
        {
            scope = scope.Push(v);
        }

        var update = ParsePipe();
        JqNode? extract = null;
        if (withExtract && Accept(";"))
        {
            extract = ParsePipe();
        }

        scope = saved;
        var close = Take();
        if (!close.Is(")"))
        {
            throw JqSource.Error(text, close.Position, $"syntax error: expected ')' to close '{keyword.Text}' but found {close.Describe()}");
        }

        return (pattern, init, update, extract);
    }

    private JqNode ParseIf()
    {
        var condition = ParsePipe();
        Expect("then");
        var then = ParsePipe();
        if (Accept("elif"))
        {
            return new IfNode(condition, then, ParseIf());
        }

        JqNode otherwise = IdentityNode.Instance;
        if (Accept("else"))
        {
            otherwise = ParsePipe();
        }

        Expect("end");
        return new IfNode(condition, then, otherwise);
    }

    private JqNode ParseCall(JqToken name)
    {
        switch (name.Text)
        {
            case "true" when !Peek.Is("("):
                return new LiteralNode(true);
            case "false" when !Peek.Is("("):
                return new LiteralNode(false);
            case "null" when !Peek.Is("("):
                return new LiteralNode(null);
            case "break":
                throw Unsupported(name, "'label' and 'break' are not supported");
        }

        var args = new List<JqNode>();
        if (Accept("("))
        {
            do
            {
                args.Add(ParsePipe());
            }
            while (Accept(";"));
            Expect(")");
        }

        if (JqBuiltins.Refused.TryGetValue(name.Text, out var reason))
        {
            throw Unsupported(name, reason);
        }

        if (!JqBuiltins.Table.TryGet(name.Text, args.Count, out var builtin))
        {
            throw JqSource.Error(text, name.Position, $"unsupported construct: function {name.Text}/{args.Count} is not defined or not supported");
        }

        return new CallNode(builtin, [.. args]);
    }

    private JqNode ParseObject()
    {
        var entries = new List<(JqNode, JqNode)>();
        if (Accept("}"))
        {
            return new ObjectNode(entries);
        }

        do
        {
            var t = Take();
            JqNode key;
            JqNode? shorthand;
            switch (t.Kind)
            {
                case JqTokenKind.Identifier or JqTokenKind.Keyword:
                    key = new LiteralNode(t.Text);
                    shorthand = new IndexNode(IdentityNode.Instance, key);
                    break;
                case JqTokenKind.Variable:
                    RefuseSpecialVariable(t);
                    if (!scope.Contains(t.Text))
                    {
                        throw JqSource.Error(text, t.Position, $"${t.Text} is not defined");
                    }

                    key = new LiteralNode(t.Text);
                    shorthand = new VariableNode(t.Text);
                    break;
                case JqTokenKind.String:
                    key = ParseString(t, "text");
                    shorthand = new IndexNode(IdentityNode.Instance, key);
                    break;
                case JqTokenKind.Format when Peek.Kind == JqTokenKind.String:
                    key = ParseString(Take(), t.Text);
                    shorthand = new IndexNode(IdentityNode.Instance, key);
                    break;
                case JqTokenKind.Punct when t.Text == "(":
                    key = ParsePipe();
                    Expect(")");
                    shorthand = null;
                    break;
                default:
                    throw JqSource.Error(text, t.Position, $"syntax error: unexpected {t.Describe()} in object construction");
            }

            if (Accept(":"))
            {
                entries.Add((key, ParseObjectValue()));
            }
            else if (shorthand is not null)
            {
                entries.Add((key, shorthand));
            }
            else
            {
                throw JqSource.Error(text, Peek.Position, $"syntax error: expected ':' after object key but found {Peek.Describe()}");
            }
        }
        while (Accept(","));
        Expect("}");
        return new ObjectNode(entries);
    }

    private JqNode ParseObjectValue() => ParsePipeNoComma();

    private JqNode ParseString(JqToken t, string format)
    {
        var parts = new List<object>();
        foreach (var part in t.Parts!)
        {
            if (part is string s)
            {
                parts.Add(s);
                continue;
            }

            var inner = new JqParser(text, (List<JqToken>)part, scope);
            if (inner.Peek.Kind == JqTokenKind.End)
            {
                throw JqSource.Error(text, inner.Peek.Position, "syntax error: empty string interpolation '\\()'");
            }

            var node = inner.ParsePipe();
            inner.ExpectEnd();
            parts.Add(node);
        }

        if (parts is [string only] && format == "text")
        {
            return new LiteralNode(only);
        }

        return new StringNode(parts, format);
    }
}
