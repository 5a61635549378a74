namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>The kinds of token in a jq program.</summary>
internal enum JqTokenKind
{
    End,
    Dot,
    DotDot,
    Field,
    Identifier,
    Keyword,
    Variable,
    Number,
    String,
    Format,
    Punct,
}
