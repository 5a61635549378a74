using System.Text;
using ArgoEvents.Sensors.Filters;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Filters;

public class ExprFilterTests
{
    private static FilterResult Run(string json, string op, params ExprFilterSpec[] specs) =>
        new DependencyFilter(new DependencyFilterSpec { Exprs = specs, ExprLogicalOperator = op })
            .Evaluate(null, Encoding.UTF8.GetBytes(json));

    private static ExprFilterSpec E(string expr, params (string Name, string Path)[] fields) =>
        new(expr, [.. fields.Select(f => new ExprFieldSpec(f.Name, f.Path))]);

    [Theory]
    [InlineData("""{"a":"b"}""", "a == \"b\"", "a", "a", true)]
    [InlineData("""{"a":{"b":"c"}}""", "b == \"b\"", "b", "a.b", false)]
    [InlineData("""{"a":{"b":2}}""", "b == 2", "b", "a.b", true)]
    [InlineData("""{"a":{"b":2}}""", "b < 1", "b", "a.b", false)]
    [InlineData("""{"a":{"b":"start here"}}""", "b =~ \"start\"", "b", "a.b", true)]
    [InlineData("""{"a":{"b":"here"}}""", "b !~ \"start\"", "b", "a.b", true)]
    [InlineData("""{"a":{"b":true}}""", "b == true", "b", "a.b", true)]
    [InlineData("""{"a":{"b":[1,2]}}""", "2 in b", "b", "a.b", true)]
    public void Argo_single_expression_table(string json, string expr, string name, string path, bool expected) =>
        Assert.Equal(new FilterResult(expected, null), Run(json, string.Empty, E(expr, (name, path))));

    [Fact]
    public void And_with_one_false_rejects() =>
        Assert.Equal(FilterResult.Reject, Run("""{"a":"b","c":10}""", "and", E("a == \"b\"", ("a", "a")), E("c != 10", ("c", "c"))));

    [Fact]
    public void Or_with_one_true_passes() =>
        Assert.Equal(FilterResult.Pass, Run("""{"a":"b","c":10}""", "or", E("a == \"x\"", ("a", "a")), E("c == 10", ("c", "c"))));

    [Fact]
    public void Or_with_missing_path_and_others_false_reports_errors()
    {
        var r = Run("""{"a":{"b":"x"}}""", "or", E("c == 1", ("c", "a.c")), E("b == \"y\"", ("b", "a.b")));
        Assert.False(r.Passed);
        Assert.Equal("expr filter errors [path 'a.c' does not exist]", r.Error);
    }

    [Fact]
    public void Or_true_first_short_circuits_before_missing_path() =>
        Assert.Equal(FilterResult.Pass, Run("""{"a":{"b":"x"}}""", "or", E("b == \"x\"", ("b", "a.b")), E("c == 1", ("c", "a.c"))));

    [Fact]
    public void And_with_missing_path_is_an_error() =>
        Assert.Equal("path 'a.c' does not exist", Run("""{"a":{}}""", "and", E("c == 1", ("c", "a.c"))).Error);

    [Fact]
    public void Non_json_is_an_error() =>
        Assert.Equal("expr filter error (event data not valid JSON)", Run("not json", string.Empty, E("a == 1", ("a", "a"))).Error);

    [Fact]
    public void Filters_without_fields_are_skipped() =>
        Assert.Equal(FilterResult.Pass, Run("""{"a":1}""", "and", E("false")));

    [Fact]
    public void Non_boolean_result_rejects_without_error() =>
        Assert.Equal(FilterResult.Reject, Run("""{"a":1}""", "and", E("a + 1", ("a", "a"))));

    [Fact]
    public void Syntax_error_is_reported_up_front_and_per_event()
    {
        var spec = new DependencyFilterSpec { Exprs = [E("a ==", ("a", "a"))] };
        var filter = new DependencyFilter(spec);
        Assert.Single(filter.Problems);
        var r = filter.Evaluate(null, Encoding.UTF8.GetBytes("""{"a":1}"""));
        Assert.False(r.Passed);
        Assert.Contains("at position 4", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_filter_with_expressions()
    {
        // examples/sensors/filter-with-expressions.yaml and filter-with-multiple-expr-filters-in-or.yaml
        const string json = """{"a":"b","c":10,"a-longer-name":10,"d":{"e":false},"nested":{"path":{"can-get":{"longer":false}}}}""";
        Assert.True(Run(json, string.Empty, E("a == \"b\" || c == 10", ("a", "a"), ("c", "c")), E("e == false", ("e", "d.e"))).Passed);
        Assert.True(Run(json, "or",
            E("a == \"b\" || c != 10", ("a", "a"), ("c", "a-longer-name")),
            E("e == false", ("e", "nested.path.can-get.longer"))).Passed);
    }
}
