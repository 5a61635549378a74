using System.Buffers;
using System.Text;

namespace ArgoEvents.Sensors.Templates;

/// <summary>
/// Walks a parsed template as Go's text/template executes it (default <c>missingkey</c> option). One instance is cached
/// per thread so executing a template allocates only its output.
/// </summary>
internal sealed class TemplateExecutor
{
    // A map key that is not there: printed as "<no value>" and, unlike a JSON null, fields of it are silently missing too.
    private static readonly object Missing = new();

    [ThreadStatic]
    private static TemplateExecutor? t_cached;

    private readonly StringBuilder _out = new();
    private readonly List<KeyValuePair<string, object?>> _variables = [];
    private string _text = string.Empty;
    private PipelineNode? _pipeline;

    private enum Flow
    {
        Normal,
        Break,
        Continue,
    }

    /// <summary>Executes <paramref name="root"/> (parsed from <paramref name="text"/>) with <paramref name="dot"/> as <c>.</c> and <c>$</c>.</summary>
    /// <exception cref="GoTemplateException">An execution error, naming the position, the pipeline and the problem.</exception>
    public static string Execute(string text, ListNode root, object? dot)
    {
        var executor = t_cached ?? new TemplateExecutor();
        t_cached = null;
        try
        {
            executor._text = text;
            executor._variables.Add(new("$", dot));
            executor.Walk(dot, root);
            return executor._out.ToString();
        }
        finally
        {
            executor._out.Clear();
            executor._variables.Clear();
            executor._pipeline = null;
            if (executor._out.Capacity <= 1 << 16)
            {
                t_cached = executor;
            }
        }
    }

    private Flow Walk(object? dot, TemplateNode node)
    {
        switch (node)
        {
            case TextNode text:
                _out.Append(text.Text);
                return Flow.Normal;
            case ListNode list:
                var nodes = list.Nodes;
                for (var i = 0; i < nodes.Count; i++)
                {
                    var flow = Walk(dot, nodes[i]);
                    if (flow != Flow.Normal)
                    {
                        return flow;
                    }
                }

                return Flow.Normal;
            case ActionNode action:
                var value = EvalPipeline(dot, action.Pipeline, declare: true);
                if (action.Pipeline.Variables.Count == 0)
                {
                    if (value is null)
                    {
                        _out.Append("<no value>");
                    }
                    else
                    {
                        GoFormat.AppendValue(_out, value);
                    }
                }

                return Flow.Normal;
            case ControlNode { Kind: ControlKind.Range } range:
                return WalkRange(dot, range);
            case ControlNode control:
                return WalkIfOrWith(dot, control);
            case LoopJumpNode jump:
                return jump.IsBreak ? Flow.Break : Flow.Continue;
            default:
                throw Fail(node.Position, $"unknown node {node.GetType().Name}");
        }
    }

    private Flow WalkIfOrWith(object? dot, ControlNode control)
    {
        var mark = _variables.Count;
        try
        {
            var value = EvalPipeline(dot, control.Pipeline, declare: true);
            if (GoValues.IsTrue(value))
            {
                return Walk(control.Kind == ControlKind.With ? value : dot, control.Body);
            }

            return control.Else is null ? Flow.Normal : Walk(dot, control.Else);
        }
        finally
        {
            PopTo(mark);
        }
    }

    private Flow WalkRange(object? dot, ControlNode range)
    {
        var mark = _variables.Count;
        try
        {
            var value = EvalPipeline(dot, range.Pipeline, declare: false);
            var names = range.Pipeline.Variables;
            var any = false;
            switch (value)
            {
                case IReadOnlyList<object?> list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        any = true;
                        if (Iterate(range, names, mark, (long)i, list[i]) == Flow.Break)
                        {
                            break;
                        }
                    }

                    break;
                case IReadOnlyDictionary<string, object?> map:
                    foreach (var key in GoFormat.SortedKeys(map))
                    {
                        any = true;
                        if (Iterate(range, names, mark, key, map[key]) == Flow.Break)
                        {
                            break;
                        }
                    }

                    break;
                case long count:
                    if (names.Count > 1)
                    {
                        throw Fail(range.Position, "can't use range over integer with two variables");
                    }

                    for (long i = 0; i < count; i++)
                    {
                        any = true;
                        if (Iterate(range, names, mark, i, i) == Flow.Break)
                        {
                            break;
                        }
                    }

                    break;
                case null:
                    break;
                default:
                    throw Fail(range.Position, $"range can't iterate over {GoFormat.ToText(value)}");
            }

            if (!any && range.Else is not null)
            {
                return Walk(dot, range.Else);
            }

            return Flow.Normal;
        }
        finally
        {
            PopTo(mark);
        }
    }

    private Flow Iterate(ControlNode range, IReadOnlyList<string> names, int mark, object key, object? element)
    {
        PopTo(mark);
        if (names.Count == 1)
        {
            _variables.Add(new(names[0], element));
        }
        else if (names.Count == 2)
        {
            _variables.Add(new(names[0], key));
            _variables.Add(new(names[1], element));
        }

        return Walk(element, range.Body);
    }

    private void PopTo(int mark) => _variables.RemoveRange(mark, _variables.Count - mark);

    private object? EvalPipeline(object? dot, PipelineNode pipeline, bool declare)
    {
        var saved = _pipeline;
        _pipeline = pipeline;
        object? value = null;
        var hasFinal = false;
        var commands = pipeline.Commands;
        for (var i = 0; i < commands.Count; i++)
        {
            value = EvalCommand(dot, commands[i], hasFinal, value);
            if (ReferenceEquals(value, Missing))
            {
                value = null;
            }

            hasFinal = true;
        }

        if (declare)
        {
            for (var i = 0; i < pipeline.Variables.Count; i++)
            {
                var name = pipeline.Variables[i];
                if (pipeline.IsAssign)
                {
                    SetVariable(name, value);
                }
                else
                {
                    _variables.Add(new(name, value));
                }
            }
        }

        _pipeline = saved;
        return value;
    }

    private object? EvalCommand(object? dot, CommandNode command, bool hasFinal, object? final)
    {
        var first = command.Arguments[0];
        if (first is FunctionNode function)
        {
            return Call(dot, function, command.Arguments, hasFinal, final);
        }

        var hasArgs = command.Arguments.Count > 1 || hasFinal;
        switch (first)
        {
            case FieldNode field:
                if (hasArgs)
                {
                    throw Fail(field.Position, $"{field.Fields[^1]} is not a method but has arguments");
                }

                return FieldChain(dot, field.Fields, field.Position);
            case VariableNode variable when variable.Fields.Count > 0:
                if (hasArgs)
                {
                    throw Fail(variable.Position, $"{variable.Fields[^1]} is not a method but has arguments");
                }

                return FieldChain(Variable(variable), variable.Fields, variable.Position);
            case ChainNode chain:
                if (hasArgs)
                {
                    throw Fail(chain.Position, $"{chain.Fields[^1]} is not a method but has arguments");
                }

                return FieldChain(EvalValue(dot, chain.Target), chain.Fields, chain.Position);
            case LiteralNode { Kind: LiteralKind.Nil } literal:
                throw Fail(literal.Position, "nil is not a command");
        }

        if (hasArgs)
        {
            throw Fail(first.Position, $"can't give argument to non-function {Describe(first)}");
        }

        return EvalValue(dot, first);
    }

    private static string Describe(TemplateNode node) => node switch
    {
        LiteralNode literal => literal.Text,
        VariableNode variable => variable.Name,
        DotNode => ".",
        PipelineNode pipeline => $"({pipeline.Source})",
        _ => node.GetType().Name,
    };

    // The value of an operand that is not a function call.
    private object? EvalValue(object? dot, TemplateNode node)
    {
        switch (node)
        {
            case DotNode:
                return dot;
            case FieldNode field:
                return FieldChain(dot, field.Fields, field.Position);
            case VariableNode variable:
                var value = Variable(variable);
                return variable.Fields.Count == 0 ? value : FieldChain(value, variable.Fields, variable.Position);
            case ChainNode chain:
                return FieldChain(EvalValue(dot, chain.Target), chain.Fields, chain.Position);
            case PipelineNode pipeline:
                return EvalPipeline(dot, pipeline, declare: false);
            case LiteralNode literal:
                return literal.Value;
            case FunctionNode function:
                return Call(dot, function, [function], false, null);
            default:
                throw Fail(node.Position, $"can't evaluate {node.GetType().Name}");
        }
    }

    private object? Variable(VariableNode node)
    {
        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Key == node.Name)
            {
                return _variables[i].Value;
            }
        }

        throw Fail(node.Position, $"undefined variable: {node.Name}");
    }

    private void SetVariable(string name, object? value)
    {
        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Key == name)
            {
                _variables[i] = new(name, value);
                return;
            }
        }

        throw Fail(_pipeline?.Position ?? 0, $"undefined variable: {name}");
    }

    private object? FieldChain(object? receiver, IReadOnlyList<string> fields, int position)
    {
        // A nil dot or variable is an invalid value in Go: its fields are missing, not an error.
        var current = receiver ?? Missing;
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i];
            switch (current)
            {
                case IReadOnlyDictionary<string, object?> map:
                    current = map.TryGetValue(name, out var found) ? found : Missing;
                    break;
                case null:
                    throw Fail(position, $"nil pointer evaluating interface {{}}.{name}");
                default:
                    if (ReferenceEquals(current, Missing))
                    {
                        break;
                    }

                    throw Fail(position, $"can't evaluate field {name} in type {GoValues.TypeName(current)}");
            }
        }

        return current;
    }

    private object? Call(object? dot, FunctionNode node, IReadOnlyList<TemplateNode> command, bool hasFinal, object? final)
    {
        var function = node.Function;
        var argCount = command.Count - 1 + (hasFinal ? 1 : 0);
        if (function.Name is "and" or "or")
        {
            return AndOr(dot, node, command, hasFinal, final, argCount);
        }

        var fixedCount = function.Parameters.Length;
        if (function.Variadic is null ? argCount != fixedCount : argCount < fixedCount)
        {
            var want = function.Variadic is null ? fixedCount.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"at least {fixedCount}";
            throw Fail(node.Position, $"wrong number of args for {function.Name}: want {want} got {argCount}");
        }

        var args = argCount == 0 ? [] : ArrayPool<object?>.Shared.Rent(argCount);
        try
        {
            for (var i = 0; i < argCount; i++)
            {
                var kind = i < fixedCount ? function.Parameters[i] : function.Variadic!.Value;
                args[i] = i < command.Count - 1 ? EvalArg(dot, command[i + 1], kind) : Coerce(final, kind, node.Position);
            }

            return function.Body(args.AsSpan(0, argCount));
        }
        catch (TemplateFunctionException e)
        {
            throw Fail(node.Position, $"error calling {function.Name}: {e.Message}");
        }
        finally
        {
            if (argCount > 0)
            {
                Array.Clear(args, 0, argCount);
                ArrayPool<object?>.Shared.Return(args);
            }
        }
    }

    // and/or evaluate their arguments only as far as needed and return the deciding argument itself.
    private object? AndOr(object? dot, FunctionNode node, IReadOnlyList<TemplateNode> command, bool hasFinal, object? final, int argCount)
    {
        if (argCount == 0)
        {
            throw Fail(node.Position, $"wrong number of args for {node.Name}: want at least 1 got 0");
        }

        var isAnd = node.Name == "and";
        object? value = null;
        for (var i = 0; i < argCount; i++)
        {
            value = i < command.Count - 1 ? EvalArg(dot, command[i + 1], ParamKind.Any) : final;
            if (GoValues.IsTrue(value) != isAnd)
            {
                return value;
            }
        }

        return value;
    }

    private object? EvalArg(object? dot, TemplateNode node, ParamKind kind)
    {
        if (node is LiteralNode literal)
        {
            return LiteralArg(literal, kind);
        }

        return Coerce(EvalValue(dot, node), kind, node.Position);
    }

    private object? LiteralArg(LiteralNode literal, ParamKind kind)
    {
        switch (kind)
        {
            case ParamKind.Any:
                return literal.Value;
            case ParamKind.String when literal.Kind == LiteralKind.String:
                return literal.Value;
            case ParamKind.Int when literal.Kind == LiteralKind.Number && literal.IsInteger:
                return literal.Value is double d ? (long)d : literal.Value;
            case ParamKind.Bool when literal.Kind == LiteralKind.Bool:
                return literal.Value;
            case ParamKind.Map when literal.Kind == LiteralKind.Nil:
                return EmptyMap;
        }

        if (literal.Kind == LiteralKind.Nil)
        {
            throw Fail(literal.Position, $"cannot assign nil to {GoTypeName(kind)}");
        }

        var expected = kind switch
        {
            ParamKind.String => "string",
            ParamKind.Int => "integer",
            ParamKind.Bool => "bool",
            _ => GoTypeName(kind),
        };
        throw Fail(literal.Position, $"expected {expected}; found {literal.Text}");
    }

    private static readonly IReadOnlyDictionary<string, object?> EmptyMap = new Dictionary<string, object?>();

    private static string GoTypeName(ParamKind kind) => kind switch
    {
        ParamKind.String => "string",
        ParamKind.Int => "int",
        ParamKind.Bool => "bool",
        ParamKind.Map => "map[string]interface {}",
        _ => "interface {}",
    };

    private object? Coerce(object? value, ParamKind kind, int position)
    {
        if (ReferenceEquals(value, Missing))
        {
            value = null;
        }

        var ok = kind switch
        {
            ParamKind.Any => true,
            ParamKind.String => value is string,
            ParamKind.Int => value is long,
            ParamKind.Bool => value is bool,
            ParamKind.Map => value is IReadOnlyDictionary<string, object?>,
            _ => false,
        };
        if (ok)
        {
            return value;
        }

        if (value is null)
        {
            if (kind == ParamKind.Map)
            {
                return EmptyMap;
            }

            throw Fail(position, $"invalid value; expected {GoTypeName(kind)}");
        }

        throw Fail(position, $"wrong type for value; expected {GoTypeName(kind)}; got {GoValues.TypeName(value)}");
    }

    private GoTemplateException Fail(int position, string message)
    {
        var context = _pipeline is null ? string.Empty : $"executing \"{_pipeline.Source}\": ";
        return TemplateLexer.Error(_text, position, context + message);
    }
}
