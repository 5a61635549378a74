namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// One token. <see cref="Text"/> is the identifier, field name, keyword, punctuation or format name;
/// <see cref="Number"/> a number's value; <see cref="Parts"/> a string's pieces (literal text, or the tokens of an
/// interpolation <c>\(...)</c>).
/// </summary>
internal sealed record JqToken(JqTokenKind Kind, string Text, int Position, double Number = 0, IReadOnlyList<object>? Parts = null)
{
    public bool Is(string punct) => Kind is JqTokenKind.Punct or JqTokenKind.Keyword && Text == punct;

    public string Describe() => Kind switch
    {
        JqTokenKind.End => "end of program",
        JqTokenKind.String => "string",
        JqTokenKind.Number => $"number {Text}",
        JqTokenKind.Field => $"'.{Text}'",
        JqTokenKind.Variable => $"'${Text}'",
        JqTokenKind.Format => $"'@{Text}'",
        _ => $"'{Text}'",
    };
}
