using ArgoEvents.EventSources.Filtering;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Filtering;

public sealed class ExprRefusalTests
{
    [Theory]
    [InlineData("", "the expression is empty", 1)]
    [InlineData("body.x == 1 |", "pipes ('|') are not supported", 13)]
    [InlineData("all(body.tags, # == 'a')", "closures and predicates ('#') are not supported", 16)]
    [InlineData("filter(body.tags, {# > 1})", "closures and predicates ('#') are not supported", 20)]
    [InlineData("any(body.tags)", "takes a predicate; closures and predicates are not supported", 1)]
    [InlineData("let x = 1; x == 1", "'let' is not supported", 1)]
    [InlineData("frobnicate(body)", "unknown function 'frobnicate'", 1)]
    [InlineData("body.kind == 'a' && sprig.upper(body.kind) == 'A'", "sprig functions (sprig.*) are not supported", 21)]
    [InlineData("body.name.trim()", "method calls ('trim(...)') are not supported", 11)]
    [InlineData("body.tags[0:1]", "slices ('[a:b]') are not supported", 12)]
    [InlineData("body.x = 1", "assignment ('=') is not supported", 8)]
    [InlineData("body.x == 'open", "unterminated string literal", 11)]
    [InlineData("(1 + 2", "expected ')' but the expression ended", 7)]
    [InlineData("1 +", "unexpected end of expression", 4)]
    [InlineData("1 2", "unexpected '2'", 3)]
    [InlineData("a ? b", "expected ':'", 6)]
    [InlineData("len(1, 2)", "'len' takes 1 argument(s), got 2", 1)]
    [InlineData("split('a')", "'split' takes 2 to 3 argument(s), got 1", 1)]
    [InlineData("body.kind matches '(unclosed'", "invalid regular expression", 19)]
    [InlineData("body.kind matches '(a)\\\\1'", "invalid regular expression", 19)]
    [InlineData("jsonpath(body.raw, '$..id') != nil", "unsupported path '$..id'", 20)]
    [InlineData("jsonpath(body.raw, '$.items[*]') != nil", "wildcards, slices and filters are not supported", 20)]
    [InlineData("asInt == 1", "the function 'asInt' can only be called", 1)]
    [InlineData("body.x not == 1", "'not' must be followed by one of", 8)]
    [InlineData("'\\q'", "invalid escape '\\q'", 2)]
    [InlineData("99999999999999999999 > 1", "out of range", 1)]
    public void What_is_outside_the_subset_is_refused_with_its_column(string expression, string reason, int column)
    {
        var error = Assert.Throws<ExprSyntaxException>(() => EventFilter.Compile(expression));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(column, error.Column);
        Assert.EndsWith($"(column {column})", error.Message, StringComparison.Ordinal);
    }
}
