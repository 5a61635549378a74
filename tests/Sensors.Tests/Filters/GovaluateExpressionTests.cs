using ArgoEvents.Sensors.Filters.Expressions;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Filters;

public class GovaluateExpressionTests
{
    private static ExprValue Eval(string text, params (string Name, object? Value)[] parameters)
    {
        var expression = GovaluateExpression.Parse(text, [.. parameters.Select(p => p.Name)]);
        return expression.Evaluate([.. parameters.Select(p => ExprValue.FromObjectGraph(p.Value))]);
    }

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("2 ** 3 ** 2", 64)]
    [InlineData("2 * 3 ** 2", 18)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("12 / 3 / 2", 2)]
    [InlineData("7 % 4", 3)]
    [InlineData("-2 + 5", 3)]
    [InlineData("- (2 + 3)", -5)]
    [InlineData("1 + 2 << 1", 6)]
    [InlineData("6 & 3 | 8", 10)]
    [InlineData("5 ^ 1", 4)]
    [InlineData("~0", -1)]
    [InlineData("0x10 + 1", 17)]
    [InlineData("1.5e1", 15)]
    [InlineData("true ? 1 : 2", 1)]
    [InlineData("false ? 1 : 2", 2)]
    public void Arithmetic_follows_govaluate_precedence(string text, double expected)
    {
        var v = Eval(text);
        Assert.Equal(ExprValueKind.Number, v.Kind);
        Assert.Equal(expected, v.Number);
    }

    [Theory]
    [InlineData("1 < 2 && 2 < 3", true)]
    [InlineData("1 > 2 || 2 < 3", true)]
    [InlineData("true || false && false", true)]
    [InlineData("!(1 == 1)", false)]
    [InlineData("!true || true", true)]
    [InlineData("1 + 1 == 2", true)]
    [InlineData("'a' == \"a\"", true)]
    [InlineData("'1' == 1", false)]
    [InlineData("'abc' < 'abd'", true)]
    [InlineData("'foobar' =~ 'oba'", true)]
    [InlineData("'foobar' =~ '^oba'", false)]
    [InlineData("'foobar' !~ '^oba'", true)]
    [InlineData("1 in (1, 2, 3)", true)]
    [InlineData("'x' in ('a', 'b')", false)]
    [InlineData("'a' + 1 == 'a1'", true)]
    [InlineData("'n=' + 1000000 == 'n=1e+06'", true)]
    [InlineData("'n=' + 0.5 + true == 'n=0.5true'", true)]
    [InlineData("3 >= 3 && 3 <= 3 && 3 != 4", true)]
    public void Comparisons_logic_and_regex(string text, bool expected)
    {
        var v = Eval(text);
        Assert.Equal(ExprValueKind.Bool, v.Kind);
        Assert.Equal(expected, v.Bool);
    }

    [Fact]
    public void Parameters_bind_by_name_including_bracketed_and_member_access()
    {
        Assert.True(Eval("a == 'b' || c == 10", ("a", "x"), ("c", 10.0)).Bool);
        Assert.True(Eval("[a-longer-name] > 1", ("a-longer-name", 2.0)).Bool);
        Assert.True(Eval("o.p.q == 'z'", ("o", new Dictionary<string, object?> { ["p"] = new Dictionary<string, object?> { ["q"] = "z" } })).Bool);
        Assert.True(Eval("n ?? 'dflt' == 'dflt'", ("n", null)).Bool);
    }

    [Fact]
    public void Logical_operators_short_circuit()
    {
        // The right side would be a type error if it were evaluated.
        Assert.True(Eval("true || (1 && 2)").Bool);
        Assert.False(Eval("false && (1 && 2)").Bool);
    }

    [Theory]
    [InlineData("1 +", 3)]
    [InlineData("(1 + 2", 6)]
    [InlineData("1 2", 2)]
    [InlineData("a == 'x", 5)]
    [InlineData("f(1)", 0)]
    [InlineData("1 # 2", 2)]
    [InlineData("a =~ '('", 5)]
    public void Parse_errors_name_the_position(string text, int position)
    {
        var e = Assert.Throws<ExprException>(() => GovaluateExpression.Parse(text, ["a"]));
        Assert.Equal(position, e.Position);
        Assert.Contains($"at position {position}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'a' - 1")]
    [InlineData("1 && true")]
    [InlineData("1 < 'a'")]
    [InlineData("1 =~ 'a'")]
    [InlineData("1 in 2")]
    [InlineData("missing == 1")]
    public void Type_errors_fail_evaluation(string text) =>
        Assert.Throws<ExprException>(() => GovaluateExpression.Parse(text, []).Evaluate([]));
}
