namespace ArgoEvents.Sensors.Templates;

/// <summary>A lexical item of a template.</summary>
internal readonly record struct TemplateToken(TokenKind Kind, int Position, string Text);

/// <summary>The kinds of <see cref="TemplateToken"/>.</summary>
internal enum TokenKind
{
    Text,
    LeftDelim,
    RightDelim,
    Space,
    Pipe,
    LeftParen,
    RightParen,
    Declare,
    Assign,
    Comma,
    String,
    RawString,
    Char,
    Number,
    Bool,
    Nil,
    Dot,
    Field,
    Variable,
    Identifier,
    Keyword,
    Eof,
}
