using System.Text;
using ArgoEvents.Sensors.Filters;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Filters;

public class DataFilterTests
{
    private static FilterResult Run(string? json, string op, params DataFilterSpec[] specs)
    {
        var filter = new DependencyFilter(new DependencyFilterSpec { Data = specs, DataLogicalOperator = op });
        return filter.Evaluate(null, json is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(json));
    }

    private static FilterResult Run(string? json, params DataFilterSpec[] specs) => Run(json, string.Empty, specs);

    private static DataFilterSpec S(string path, string type, string? comparator, params string[] values) => new(path, type, values, comparator);

    [Fact]
    public void Nil_data_passes() => Assert.Equal(FilterResult.Pass, Run(null, S("k", "string", null, "v")));

    [Fact]
    public void Non_json_data_is_an_error()
    {
        var r = Run("a", S("k", "string", null, "v"));
        Assert.False(r.Passed);
        Assert.Equal("event data not valid JSON", r.Error);
    }

    [Fact]
    public void Empty_path_is_an_error() => Assert.Equal("path '' does not exist", Run("""{"k":"v"}""", S("", "string", null, "v")).Error);

    [Fact]
    public void Missing_type_is_an_error() => Assert.Equal("unsupported JSON type ", Run("""{"k":"v"}""", S("k", "", null, "v")).Error);

    [Fact]
    public void Unknown_type_is_an_error() => Assert.Equal("unsupported JSON type object", Run("""{"k":"v"}""", S("k", "object", null, "v")).Error);

    [Fact]
    public void Empty_values_is_an_error() => Assert.Equal("no values specified", Run("""{"k":"v"}""", S("k", "string", null)).Error);

    [Fact]
    public void Missing_path_is_an_error() => Assert.Equal("path 'x.y' does not exist", Run("""{"k":"v"}""", S("x.y", "string", null, "v")).Error);

    [Theory]
    [InlineData(null, "v", true)]
    [InlineData("=", "v", true)]
    [InlineData("!=", "b", true)]
    [InlineData("!=", "v", false)]
    [InlineData(">", "v", false)]
    [InlineData("=", "^x$", false)]
    public void String_comparators(string? comparator, string value, bool expected) =>
        Assert.Equal(new FilterResult(expected, null), Run("""{"k":"v"}""", S("k", "string", comparator, value)));

    [Fact]
    public void String_regex_is_unanchored() // issue #1515
    {
        Assert.True(Run("""{"action":"unlabeled"}""", S("action", "string", null, "labeled")).Passed);
        Assert.False(Run("""{"action":"unlabeled"}""", S("action", "string", null, "^labeled$")).Passed);
    }

    [Fact]
    public void String_not_equal_with_several_values_passes_unless_all_match() // issue #3215
    {
        Assert.True(Run("""{"k":"main"}""", S("k", "string", "!=", "main", "dev")).Passed);
        Assert.False(Run("""{"k":"main"}""", S("k", "string", "!=", "main", "ma")).Passed);
    }

    [Fact]
    public void String_values_are_an_or()
    {
        Assert.True(Run("""{"k":"b"}""", S("k", "string", null, "a", "b")).Passed);
        Assert.False(Run("""{"k":"c"}""", S("k", "string", null, "a", "b")).Passed);
    }

    [Fact]
    public void String_filter_on_numbers_and_objects_uses_gjson_string()
    {
        Assert.True(Run("""{"k":1.50}""", S("k", "string", null, "^1\\.50$")).Passed);
        Assert.True(Run("""{"k":{"a":1}}""", S("k", "string", null, "\"a\":1")).Passed);
    }

    [Fact]
    public void Bad_regex_is_an_error()
    {
        var r = Run("""{"k":"v"}""", S("k", "string", null, "(a"));
        Assert.False(r.Passed);
        Assert.Contains("(a", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"k":"1.0"}""", null, "1.0", true)]
    [InlineData("""{"k":"2.0"}""", ">", "1.0", true)]
    [InlineData("""{"k":2.0}""", "<=", "1.0", false)]
    [InlineData("""{"k":1.0}""", "!=", "1.0", false)]
    [InlineData("""{"k":5.0}""", "=", "5.0", true)]
    [InlineData("""{"k":5}""", ">=", "5", true)]
    [InlineData("""{"k":4}""", ">=", "5", false)]
    [InlineData("""{"k":4}""", "<", "5", true)]
    [InlineData("""{"k":5}""", "<", "5", false)]
    [InlineData("""{"k":5}""", ">", "5", false)]
    [InlineData("""{"k":6}""", "!=", "5", true)]
    [InlineData("""{"k":5}""", "=>", "5", false)]
    [InlineData("""{"k":true}""", null, "1", true)]
    [InlineData("""{"k":"abc"}""", null, "0", true)]
    public void Number_comparators(string json, string? comparator, string value, bool expected) =>
        Assert.Equal(new FilterResult(expected, null), Run(json, S("k", "number", comparator, value)));

    [Fact]
    public void Bad_number_value_is_an_error() =>
        Assert.Equal("strconv.ParseFloat: parsing \"x\": invalid syntax", Run("""{"k":1}""", S("k", "number", null, "x")).Error);

    [Theory]
    [InlineData("""{"k":true}""", "true", true)]
    [InlineData("""{"k":true}""", "false", false)]
    [InlineData("""{"k":false}""", "F", true)]
    [InlineData("""{"k":"t"}""", "true", true)]
    [InlineData("""{"k":"yes"}""", "false", true)]
    [InlineData("""{"k":2}""", "1", true)]
    [InlineData("""{"k":0}""", "0", true)]
    [InlineData("""{"k":null}""", "false", true)]
    public void Bool_values(string json, string value, bool expected) =>
        Assert.Equal(new FilterResult(expected, null), Run(json, S("k", "bool", ">", value)));

    [Fact]
    public void Bad_bool_value_is_an_error() =>
        Assert.Equal("strconv.ParseBool: parsing \"yes\": invalid syntax", Run("""{"k":true}""", S("k", "bool", null, "yes")).Error);

    private const string Mixed = """{"k": true, "k1": {"k": 3.14, "k2": "hello, world"}}""";

    [Fact]
    public void Argo_and_table_fails_on_one_mismatch() =>
        Assert.Equal(FilterResult.Reject, Run(Mixed, "and",
            S("k", "string", null, "v"), S("k1.k", "number", null, "2.14"), S("k1.k2", "string", null, "hello,world", "hello there")));

    [Fact]
    public void Argo_and_table_passes_when_all_match() =>
        Assert.Equal(FilterResult.Pass, Run(Mixed, "and",
            S("k", "bool", null, "true"), S("k1.k", "number", null, "3.14"), S("k1.k2", "string", null, "hello there", "hello, world")));

    [Fact]
    public void Argo_or_table_passes_when_one_matches() =>
        Assert.Equal(FilterResult.Pass, Run(Mixed, "or",
            S("k", "bool", null, "false"), S("k1.k", "number", null, "3.14"), S("k1.k2", "string", null, "nope")));

    [Fact]
    public void Or_with_missing_path_and_no_pass_reports_errors()
    {
        var r = Run(Mixed, "or", S("nope", "string", null, "x"), S("k1.k", "number", null, "1"));
        Assert.False(r.Passed);
        Assert.Equal("data filter errors [path 'nope' does not exist]", r.Error);
    }

    [Fact]
    public void Or_with_missing_path_before_a_pass_passes() =>
        Assert.True(Run(Mixed, "or", S("nope", "string", null, "x"), S("k1.k", "number", null, "3.14")).Passed);

    [Fact]
    public void And_with_missing_path_is_an_error() =>
        Assert.Equal("path 'nope' does not exist", Run(Mixed, "and", S("k1.k", "number", null, "3.14"), S("nope", "string", null, "x")).Error);

    [Fact]
    public void Argo_multipath_regex_case() =>
        Assert.True(Run("""{"k":"v","k1":{"a":[{"k2":"v1"},{"k2":"v2"}]}}""",
            S("[k,k1.a.#(k2==\"v2\").k2]", "string", null, "\\bv\\b.*\\bv2\\b")).Passed);

    private static DataFilterSpec T(string path, string type, string? comparator, string template, params string[] values) =>
        new(path, type, values, comparator, template);

    [Fact]
    public void Template_b64dec_upper_matches_string() => // filter_data_test.go "string filter base64, uppercase template"
        Assert.Equal(FilterResult.Pass, Run("""{"k": "aGVsbG8gd29ybGQ="}""", T("k", "string", null, "{{ b64dec .Input | upper }}", "HELLO WORLD")));

    [Fact]
    public void Template_output_is_compared_as_number() => // "string filter base64 template": "My4xNA==" is 3.14
        Assert.Equal(FilterResult.Pass, Run("""{"k": "My4xNA=="}""", T("k", "number", ">", "{{ b64dec .Input }}", "3.13")));

    [Fact]
    public void Template_output_is_matched_as_regex() =>
        Assert.Equal(FilterResult.Pass, Run("""{"k": "aGVsbG8gd29ybGQ="}""", T("k", "string", null, "{{ b64dec .Input }}", "world$")));

    [Fact]
    public void Template_b64dec_of_invalid_base64_yields_the_error_text() // sprig returns the error instead of failing
    {
        Assert.Equal(FilterResult.Pass, Run("""{"k": "aGVsbG8gd29ybGQ"}""", T("k", "string", "!=", "{{ b64dec .Input }}", "hello world")));
        Assert.Equal(FilterResult.Pass, Run("""{"k": "aGVsbG8gd29ybGQ"}""", T("k", "string", null, "{{ b64dec .Input }}", "^illegal base64 data at input byte 12$")));
    }

    [Fact]
    public void Template_output_is_parsed_as_bool() =>
        Assert.Equal(FilterResult.Pass, Run("""{"k": "yes"}""", T("k", "bool", null, "{{ eq .Input \"yes\" }}", "true")));

    [Fact]
    public void Template_input_is_the_gjson_string_of_the_value()
    {
        Assert.True(Run("""{"k": {"a": 1}}""", T("k", "string", null, "{{ .Input }}", "^\\{\"a\": 1\\}$")).Passed);
        Assert.True(Run("""{"k": 1.50}""", T("k", "string", null, "{{ .Input | printf \"%s!\" }}", "^1\\.50!$")).Passed);
    }

    [Fact]
    public void Template_rejects_when_the_output_does_not_match() =>
        Assert.Equal(FilterResult.Reject, Run("""{"k": "aGVsbG8gd29ybGQ="}""", T("k", "string", null, "{{ b64dec .Input }}", "^HELLO")));

    [Theory]
    [InlineData("{{ .Missing }}")]
    [InlineData("{{ if false }}x{{ end }}")]
    public void Template_with_empty_or_no_value_output_is_an_error(string template) =>
        Assert.Equal($"template '{template}' evaluated to empty string or no value", Run("""{"k": "v"}""", T("k", "string", null, template, "v")).Error);

    [Fact]
    public void Template_execution_error_is_the_filter_error()
    {
        var r = Run("""{"k": "v"}""", T("k", "string", null, "{{ .Input.x.y }}", "v"));
        Assert.False(r.Passed);
        Assert.Contains("can't evaluate field x in type string", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_parse_error_is_kept_for_evaluation_and_names_the_filter()
    {
        var filter = new DataFilter(T("k", "string", null, "{{ nosuch .Input }}", "v"));
        Assert.Equal("data filter on path 'k': template '{{ nosuch .Input }}': template: 1:4: function \"nosuch\" not defined", filter.TemplateProblem);
        var r = Run("""{"k": "v"}""", T("k", "string", null, "{{ nosuch .Input }}", "v"));
        Assert.Equal("template: 1:4: function \"nosuch\" not defined", r.Error);
        Assert.Null(new DataFilter(T("k", "string", null, "{{ .Input }}", "v")).TemplateProblem);
    }

    [Fact]
    public void Template_is_checked_after_path_and_values_and_before_type()
    {
        Assert.Equal("path 'x' does not exist", Run("""{"k": "v"}""", T("x", "string", null, "{{ nosuch }}", "v")).Error);
        Assert.Equal("no values specified", Run("""{"k": "v"}""", T("k", "string", null, "{{ nosuch }}")).Error);
        Assert.Equal("template '{{ .Missing }}' evaluated to empty string or no value", Run("""{"k": "v"}""", T("k", "object", null, "{{ .Missing }}", "v")).Error);
        Assert.Equal("unsupported JSON type object", Run("""{"k": "v"}""", T("k", "object", null, "{{ .Input }}", "v")).Error);
    }

    [Fact]
    public void Unknown_logical_operator_is_refused() =>
        Assert.Throws<ArgumentException>(() => new DataFilters([S("k", "string", null, "v")], "xor"));

    [Fact]
    public void Corpus_filter_with_data_simple_forms()
    {
        // examples/sensors/filter-with-data-*.yaml: body.* paths on webhook payloads.
        const string json = """{"body":{"value":"50","message":"hello","pull_request":{"state":"open","base":{"ref":"main"}}},"headers":{"X-Github-Event":["pull_request"]}}""";
        Assert.True(Run(json, S("body.value", "number", ">", "40")).Passed);
        Assert.True(Run(json, S("body.message", "string", null, "hello")).Passed);
        Assert.True(Run(json, S("headers.X-Github-Event", "string", null, "pull_request")).Passed);
        Assert.True(Run(json, S("body.pull_request.base.ref", "string", null, "^main$")).Passed);
    }
}
