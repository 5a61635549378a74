namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>The arithmetic and comparison operators (the operands of <c>op=</c> assignments too).</summary>
internal enum JqBinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
