using System.Text;
using ArgoEvents.Sensors.Filters;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Filters;

public class DependencyFilterTests
{
    private static readonly FilterEventContext Context =
        new("webhook", "example", "webhook-source", "application/json", DateTimeOffset.Parse("2024-01-10T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static readonly byte[] Data = Encoding.UTF8.GetBytes("""{"a":"b","c":10,"d":{"e":false}}""");

    private static DataFilterSpec GoodData => new("a", "string", ["b"]);

    private static DataFilterSpec BadData => new("a", "string", ["x"]);

    private static DataFilterSpec MissingData => new("zz", "string", ["x"]);

    private static ExprFilterSpec GoodExpr => new("c == 10", [new ExprFieldSpec("c", "c")]);

    [Fact]
    public void And_passes_when_all_pass() =>
        Assert.Equal(FilterResult.Pass, new DependencyFilter(new DependencyFilterSpec
        {
            Data = [GoodData],
            Exprs = [GoodExpr],
            Context = new ContextFilterSpec(Type: "webhook"),
            Time = new TimeFilterSpec("09:00:00", "17:00:00"),
        }).Evaluate(Context, Data));

    [Fact]
    public void And_rejects_when_one_fails() =>
        Assert.Equal(FilterResult.Reject, new DependencyFilter(new DependencyFilterSpec
        {
            Data = [GoodData],
            Context = new ContextFilterSpec(Type: "calendar"),
        }).Evaluate(Context, Data));

    [Fact]
    public void And_error_rejects_with_the_error()
    {
        var r = new DependencyFilter(new DependencyFilterSpec
        {
            Data = [GoodData],
            Time = new TimeFilterSpec("09:09:0", "17:00:00"),
        }).Evaluate(Context, Data);
        Assert.False(r.Passed);
        Assert.Contains("09:09:0", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Or_passes_if_any_defined_filter_passes() =>
        Assert.Equal(FilterResult.Pass, new DependencyFilter(new DependencyFilterSpec
        {
            FiltersLogicalOperator = "or",
            Data = [BadData],
            Context = new ContextFilterSpec(Type: "webhook"),
        }).Evaluate(Context, Data));

    [Fact]
    public void Or_keeps_errors_alongside_a_pass()
    {
        var r = new DependencyFilter(new DependencyFilterSpec
        {
            FiltersLogicalOperator = "or",
            Data = [MissingData],
            Exprs = [GoodExpr],
        }).Evaluate(Context, Data);
        Assert.True(r.Passed);
        Assert.Equal("path 'zz' does not exist", r.Error);
    }

    [Fact]
    public void Or_collects_all_errors_when_nothing_passes()
    {
        var r = new DependencyFilter(new DependencyFilterSpec
        {
            FiltersLogicalOperator = "or",
            Data = [MissingData],
            Time = new TimeFilterSpec("09:00:00", "17:00:00", "Nowhere/Land"),
        }).Evaluate(Context, Data);
        Assert.False(r.Passed);
        Assert.Equal("path 'zz' does not exist / time filter: unknown time zone 'Nowhere/Land'", r.Error);
    }

    [Fact]
    public void Or_rejects_when_all_fail_without_errors() =>
        Assert.Equal(FilterResult.Reject, new DependencyFilter(new DependencyFilterSpec
        {
            FiltersLogicalOperator = "or",
            Data = [BadData],
            Time = new TimeFilterSpec("13:00:00", "14:00:00"),
        }).Evaluate(Context, Data));

    [Fact]
    public void Missing_data_passes_data_and_expr_filters() =>
        Assert.Equal(FilterResult.Pass, new DependencyFilter(new DependencyFilterSpec { Data = [BadData], Exprs = [GoodExpr] }).Evaluate(Context, default));

    private const string ScriptOnA = """if event.a == "b" then return true else return false end""";

    [Fact]
    public void Script_passing_with_other_filters_passes_in_and_mode()
    {
        using var filter = new DependencyFilter(new DependencyFilterSpec { Data = [GoodData], Script = ScriptOnA });
        Assert.Empty(filter.Problems);
        Assert.Equal(FilterResult.Pass, filter.Evaluate(Context, Data));
    }

    [Fact]
    public void Script_returning_false_rejects_in_and_mode()
    {
        using var filter = new DependencyFilter(new DependencyFilterSpec { Data = [GoodData], Script = "return event.c > 10" });
        Assert.Equal(FilterResult.Reject, filter.Evaluate(Context, Data));
    }

    [Fact]
    public void Script_syntax_error_is_a_construction_problem_naming_filters_script()
    {
        using var filter = new DependencyFilter(new DependencyFilterSpec { Script = "if event.a then return true" });
        var problem = Assert.Single(filter.Problems);
        Assert.StartsWith("filters.script: Lua syntax error: ", problem, StringComparison.Ordinal);
        Assert.Contains("'end' expected", problem, StringComparison.Ordinal);
        Assert.Equal(FilterResult.Failed(problem), filter.Evaluate(Context, Data));
    }

    [Fact]
    public void Script_runtime_error_rejects_with_luas_text_in_and_mode()
    {
        using var filter = new DependencyFilter(new DependencyFilterSpec { Context = new ContextFilterSpec(Type: "webhook"), Script = "return a.a" });
        var r = filter.Evaluate(Context, Data);
        Assert.False(r.Passed);
        Assert.Contains("attempt to index a nil value (global 'a')", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_error_fails_the_event_in_or_mode_even_when_another_filter_passes()
    {
        using var filter = new DependencyFilter(new DependencyFilterSpec
        {
            FiltersLogicalOperator = "or",
            Data = [MissingData],
            Context = new ContextFilterSpec(Type: "webhook"),
            Script = "error('script broke')",
        });
        var r = filter.Evaluate(Context, Data);
        Assert.False(r.Passed);
        Assert.Contains("script broke", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("zz", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_alone_passing_is_enough_in_or_mode()
    {
        using var filter = new DependencyFilter(new DependencyFilterSpec { FiltersLogicalOperator = "or", Data = [BadData], Script = ScriptOnA });
        Assert.Equal(FilterResult.Pass, filter.Evaluate(Context, Data));
    }

    [Fact]
    public void Script_rejecting_with_every_other_filter_rejecting_rejects_in_or_mode()
    {
        using var filter = new DependencyFilter(new DependencyFilterSpec
        {
            FiltersLogicalOperator = "or",
            Context = new ContextFilterSpec(Type: "calendar"),
            Script = "return false",
        });
        Assert.Equal(FilterResult.Reject, filter.Evaluate(Context, Data));
    }

    [Fact]
    public void Script_passes_an_event_without_data_as_argo_does()
    {
        using var filter = new DependencyFilter(new DependencyFilterSpec { Script = "return false" });
        Assert.Equal(FilterResult.Pass, filter.Evaluate(Context, default));
    }

    [Fact]
    public void Script_on_data_that_is_not_json_is_an_error()
    {
        using var filter = new DependencyFilter(new DependencyFilterSpec { Script = "return true" });
        var r = filter.Evaluate(Context, Encoding.UTF8.GetBytes("not json"));
        Assert.False(r.Passed);
        Assert.Contains("not valid JSON", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_filter_script()
    {
        // examples/sensors/filter-script.yaml, on the webhook payload its comment shows and on one it refuses.
        const string script = """if event.body.a == "b" and event.body.d.e == "z" then return true else return false end""";
        using var filter = new DependencyFilter(new DependencyFilterSpec { Script = script });
        Assert.Equal(FilterResult.Pass, filter.Evaluate(Context, Encoding.UTF8.GetBytes("""{"body":{"a":"b","c":10,"d":{"e":"z"}}}""")));
        Assert.Equal(FilterResult.Reject, filter.Evaluate(Context, Encoding.UTF8.GetBytes("""{"body":{"a":"b","c":10,"d":{"e":"y"}}}""")));
    }

    [Fact]
    public void Unknown_filters_operator_is_refused() =>
        Assert.Throws<ArgumentException>(() => new DependencyFilter(new DependencyFilterSpec { FiltersLogicalOperator = "nand" }));

    [Fact]
    public void Corpus_filter_with_multiple_filters()
    {
        // examples/sensors/filter-with-multiple-filters.yaml: exprs AND data, both passing.
        var data = Encoding.UTF8.GetBytes("""{"a":"b","b":{"c":"x","d":"y"},"c":10,"d":{"e":false}}""");
        var filter = new DependencyFilter(new DependencyFilterSpec
        {
            Exprs =
            [
                new ExprFilterSpec("a == \"b\" || c == 10", [new ExprFieldSpec("a", "a"), new ExprFieldSpec("c", "c")]),
                new ExprFilterSpec("e == false", [new ExprFieldSpec("e", "d.e")]),
            ],
            Data = [new DataFilterSpec("a", "string", ["b"]), new DataFilterSpec("c", "number", ["5"], ">")],
        });
        Assert.Equal(FilterResult.Pass, filter.Evaluate(Context, data));
    }

    [Fact]
    public void A_data_filter_template_that_does_not_parse_is_a_problem_before_any_event()
    {
        using var filter = new DependencyFilter(new DependencyFilterSpec
        {
            Data = [new DataFilterSpec("a", "string", ["b"], Template: "{{ nosuch .Input }}")],
        });
        var problem = Assert.Single(filter.Problems);
        Assert.Contains("data filter on path 'a'", problem, StringComparison.Ordinal);
        Assert.Contains("function \"nosuch\" not defined", problem, StringComparison.Ordinal);
    }
}
