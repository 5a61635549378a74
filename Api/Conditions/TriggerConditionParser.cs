using System.Diagnostics.CodeAnalysis;

namespace ArgoEvents.Api.Conditions;

/// <summary>
/// Reads a trigger's <c>conditions</c>: dependency names combined with <c>&amp;&amp;</c> and <c>||</c> (<c>&amp;&amp;</c>
/// binding tighter) and grouped with parentheses, such as <c>(dep01 || dep02) &amp;&amp; dep04</c>. A name is any run of
/// characters other than spaces, parentheses, <c>&amp;</c> and <c>|</c>.
/// </summary>
public sealed class TriggerConditionParser
{
    private readonly string _text;
    private int _position;

    private TriggerConditionParser(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; on success returns the expression, otherwise why it does not parse.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out TriggerCondition? condition, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new TriggerConditionParser(text);
        problem = parser.Expression(out condition);
        if (problem is null && parser.SkipSpaces() < text.Length)
        {
            problem = $"has an unexpected '{text[parser._position]}' at character {parser._position + 1}";
        }

        if (problem is not null)
        {
            condition = null;
            return false;
        }

        return condition is not null;
    }

    private string? Expression(out TriggerCondition? condition)
    {
        var problem = Term(out condition);
        while (problem is null && TryConsume("||"))
        {
            problem = Term(out var right);
            condition = problem is null ? new TriggerCondition.Or(condition!, right!) : null;
        }

        return problem;
    }

    private string? Term(out TriggerCondition? condition)
    {
        var problem = Factor(out condition);
        while (problem is null && TryConsume("&&"))
        {
            problem = Factor(out var right);
            condition = problem is null ? new TriggerCondition.And(condition!, right!) : null;
        }

        return problem;
    }

    private string? Factor(out TriggerCondition? condition)
    {
        condition = null;
        if (SkipSpaces() >= _text.Length)
        {
            return "ends where a dependency name or '(' is expected";
        }

        if (TryConsume("("))
        {
            var problem = Expression(out condition);
            if (problem is not null)
            {
                return problem;
            }

            return TryConsume(")") ? null : $"misses a ')' at character {Math.Min(_position, _text.Length) + 1}";
        }

        var start = _position;
        while (_position < _text.Length && !IsDelimiter(_text[_position]))
        {
            _position++;
        }

        if (_position == start)
        {
            return $"expects a dependency name or '(' at character {start + 1}, found '{_text[start]}'";
        }

        condition = new TriggerCondition.Name(_text[start.._position]);
        return null;
    }

    private bool TryConsume(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) != 0)
        {
            return false;
        }

        _position += token.Length;
        return true;
    }

    private int SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }

        return _position;
    }

    private static bool IsDelimiter(char c) => char.IsWhiteSpace(c) || c is '(' or ')' or '&' or '|' or '!';
}
