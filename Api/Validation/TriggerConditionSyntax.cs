using System.Diagnostics.CodeAnalysis;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Reads a trigger's <c>conditions</c>: dependency names combined with <c>&amp;&amp;</c> and <c>||</c> (<c>&amp;&amp;</c>
/// binding tighter) and grouped with parentheses, such as <c>(dep01 || dep02) &amp;&amp; dep04</c>. A name is any run of
/// characters other than spaces, parentheses, <c>&amp;</c> and <c>|</c>.
/// </summary>
internal sealed class TriggerConditionSyntax
{
    private readonly string _text;
    private readonly List<string> _names = [];
    private int _position;

    private TriggerConditionSyntax(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; on success returns the names it uses, otherwise why it does not parse.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out IReadOnlyList<string>? names, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new TriggerConditionSyntax(text);
        problem = parser.Expression();
        if (problem is null && parser.SkipSpaces() < text.Length)
        {
            problem = $"has an unexpected '{text[parser._position]}' at character {parser._position + 1}";
        }

        names = problem is null ? parser._names : null;
        return problem is null;
    }

    private string? Expression()
    {
        var problem = Term();
        while (problem is null && TryConsume("||"))
        {
            problem = Term();
        }

        return problem;
    }

    private string? Term()
    {
        var problem = Factor();
        while (problem is null && TryConsume("&&"))
        {
            problem = Factor();
        }

        return problem;
    }

    private string? Factor()
    {
        if (SkipSpaces() >= _text.Length)
        {
            return "ends where a dependency name or '(' is expected";
        }

        if (TryConsume("("))
        {
            var problem = Expression();
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

        _names.Add(_text[start.._position]);
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
