namespace ArgoEvents.Sensors.Templates;

// The parsed form of a template. Nodes carry the offset of their source text for error messages.

/// <summary>A node of the parsed template.</summary>
internal abstract record TemplateNode(int Position);

/// <summary>Literal text copied to the output.</summary>
internal sealed record TextNode(int Position, string Text) : TemplateNode(Position);

/// <summary>A sequence of nodes.</summary>
internal sealed record ListNode(int Position, IReadOnlyList<TemplateNode> Nodes) : TemplateNode(Position);

/// <summary><c>{{pipeline}}</c>: printed unless it declares or assigns variables.</summary>
internal sealed record ActionNode(int Position, PipelineNode Pipeline) : TemplateNode(Position);

/// <summary><c>if</c>, <c>with</c> or <c>range</c> with their bodies.</summary>
internal sealed record ControlNode(int Position, ControlKind Kind, PipelineNode Pipeline, ListNode Body, ListNode? Else) : TemplateNode(Position);

/// <summary>Which control structure a <see cref="ControlNode"/> is.</summary>
internal enum ControlKind
{
    If,
    With,
    Range,
}

/// <summary><c>{{break}}</c> or <c>{{continue}}</c> inside a range.</summary>
internal sealed record LoopJumpNode(int Position, bool IsBreak) : TemplateNode(Position);

/// <summary>Commands joined by <c>|</c>, optionally declaring (<c>:=</c>) or assigning (<c>=</c>) variables.</summary>
internal sealed record PipelineNode(int Position, IReadOnlyList<string> Variables, bool IsAssign, IReadOnlyList<CommandNode> Commands, string Source)
    : TemplateNode(Position);

/// <summary>One command: a function or value followed by its arguments.</summary>
internal sealed record CommandNode(int Position, IReadOnlyList<TemplateNode> Arguments) : TemplateNode(Position);

/// <summary><c>.</c>, the current value.</summary>
internal sealed record DotNode(int Position) : TemplateNode(Position);

/// <summary><c>.a.b</c>: fields (map keys) of the current value.</summary>
internal sealed record FieldNode(int Position, IReadOnlyList<string> Fields) : TemplateNode(Position);

/// <summary><c>$name.a.b</c>: a variable and optional fields.</summary>
internal sealed record VariableNode(int Position, string Name, IReadOnlyList<string> Fields) : TemplateNode(Position);

/// <summary><c>(pipeline).a.b</c>: fields of a parenthesised pipeline's value.</summary>
internal sealed record ChainNode(int Position, TemplateNode Target, IReadOnlyList<string> Fields) : TemplateNode(Position);

/// <summary>A function name.</summary>
internal sealed record FunctionNode(int Position, string Name, TemplateFunction Function) : TemplateNode(Position);

/// <summary>A constant: string, char or number literal, <c>true</c>, <c>false</c> or <c>nil</c>.</summary>
internal sealed record LiteralNode(int Position, string Text, object? Value, LiteralKind Kind, bool IsInteger) : TemplateNode(Position);

/// <summary>The kind of a <see cref="LiteralNode"/>.</summary>
internal enum LiteralKind
{
    String,
    Number,
    Bool,
    Nil,
}
