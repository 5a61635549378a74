using ArgoEvents.Sensors.Templates;
using Xunit;
using static ArgoEvents.Sensors.Tests.Templates.TemplateTestHelpers;

namespace ArgoEvents.Sensors.Tests.Templates;

public class GoTemplateSyntaxTests
{
    [Fact]
    public void Text_without_actions_is_copied() => Assert.Equal("plain { text }", Run("plain { text }"));

    [Fact]
    public void Field_chain_walks_maps() => Assert.Equal("abc", Run("{{ .Input.a.b }}", """{"a":{"b":"abc"}}"""));

    [Fact]
    public void Missing_key_prints_no_value() => Assert.Equal("<no value>|<no value>", Run("{{ .Input.x }}|{{ .Input.x.y.z }}", """{"a":1}"""));

    [Fact]
    public void Json_null_prints_no_value_when_printed_directly() => Assert.Equal("<no value>", Run("{{ .Input.a }}", """{"a":null}"""));

    [Fact]
    public void Field_of_json_null_is_an_error() =>
        Assert.Contains("nil pointer evaluating interface {}.b", ExecError("{{ .Input.a.b }}", """{"a":null}"""));

    [Fact]
    public void Field_of_a_string_is_an_error() =>
        Assert.Contains("can't evaluate field b in type string", ExecError("{{ .Input.a.b }}", """{"a":"x"}"""));

    [Fact]
    public void Dot_is_the_whole_value() => Assert.Equal("map[Input:map[a:1]]", Run("{{ . }}", """{"a":1}"""));

    [Fact]
    public void Execute_with_plain_values_as_dot()
    {
        Assert.Equal("hi", GoTemplate.Parse("{{ . }}").Execute("hi"));
        Assert.Equal("<no value>", GoTemplate.Parse("{{ . }}").Execute(null));
        Assert.Equal("<no value>", GoTemplate.Parse("{{ .a }}").Execute(null));
    }

    [Fact]
    public void Trim_markers_remove_surrounding_whitespace()
    {
        Assert.Equal("a|b", Run("a  \n {{- \"|\" -}} \n\t b"));
        Assert.Equal("a -3 b", Run("a {{-3}} b"));
    }

    [Fact]
    public void Comments_are_dropped()
    {
        Assert.Equal("ab", Run("a{{/* a comment */}}b"));
        Assert.Equal("ab", Run("a {{- /* trimmed */ -}} b"));
    }

    [Fact]
    public void Comment_must_end_at_the_delimiter() => Assert.Contains("comment ends before closing delimiter", ParseError("{{/* c */ x}}"));

    [Fact]
    public void Pipeline_passes_the_value_as_last_argument() =>
        Assert.Equal("a_b", Run("{{ .Input.s | replace \"-\" \"_\" }}", """{"s":"a-b"}"""));

    [Fact]
    public void Parenthesised_pipelines_and_chained_fields()
    {
        Assert.Equal("HI THERE", Run("{{ upper (printf \"%s %s\" \"hi\" .Input.w) }}", """{"w":"there"}"""));
        Assert.Equal("v", Run("{{ (.Input).a }}", """{"a":"v"}"""));
        Assert.Equal("v", Run("{{ (dict \"k\" \"v\").k }}"));
    }

    [Fact]
    public void Variables_declare_assign_and_scope()
    {
        Assert.Equal("1-2", Run("{{ $x := 1 }}{{ $x }}-{{ $x = 2 }}{{ $x }}"));
        Assert.Equal("in:b out:a", Run("{{ $v := \"a\" }}{{ if true }}{{ $v := \"b\" }}in:{{ $v }}{{ end }} out:{{ $v }}"));
        Assert.Equal("b", Run("{{ $v := \"a\" }}{{ if true }}{{ $v = \"b\" }}{{ end }}{{ $v }}"));
        Assert.Equal("x", Run("{{ with .Input }}{{ $.Input.k }}{{ end }}", """{"k":"x"}"""));
        Assert.Equal("y", Run("{{ $m := .Input }}{{ $m.a.b }}", """{"a":{"b":"y"}}"""));
    }

    [Fact]
    public void Undefined_variable_is_a_parse_error() => Assert.Contains("undefined variable \"$y\"", ParseError("{{ $y }}"));

    [Fact]
    public void Variable_of_a_control_is_not_visible_after_end() =>
        Assert.Contains("undefined variable \"$x\"", ParseError("{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}"));

    [Theory]
    [InlineData("{{ if .Input.a }}yes{{ else }}no{{ end }}", """{"a":"x"}""", "yes")]
    [InlineData("{{ if .Input.a }}yes{{ else }}no{{ end }}", """{"a":""}""", "no")]
    [InlineData("{{ if .Input.a }}yes{{ else }}no{{ end }}", """{"a":0}""", "no")]
    [InlineData("{{ if .Input.a }}yes{{ else }}no{{ end }}", """{"a":[]}""", "no")]
    [InlineData("{{ if .Input.a }}yes{{ else }}no{{ end }}", """{"a":{}}""", "no")]
    [InlineData("{{ if .Input.a }}yes{{ else }}no{{ end }}", """{"a":null}""", "no")]
    [InlineData("{{ if .Input.a }}yes{{ else }}no{{ end }}", """{}""", "no")]
    [InlineData("{{ if .Input.a }}yes{{ else }}no{{ end }}", """{"a":false}""", "no")]
    [InlineData("{{ if .Input.a }}yes{{ else }}no{{ end }}", """{"a":0.5}""", "yes")]
    [InlineData("{{ if eq .Input.a 1.0 }}one{{ else if eq .Input.a 2.0 }}two{{ else }}other{{ end }}", """{"a":2}""", "two")]
    [InlineData("{{ if eq .Input.a 1.0 }}one{{ else if eq .Input.a 2.0 }}two{{ else }}other{{ end }}", """{"a":3}""", "other")]
    public void If_else_if_else(string template, string json, string expected) => Assert.Equal(expected, Run(template, json));

    [Fact]
    public void With_rebinds_dot_and_has_else()
    {
        Assert.Equal("b", Run("{{ with .Input.a }}{{ .b }}{{ else }}none{{ end }}", """{"a":{"b":"b"}}"""));
        Assert.Equal("none", Run("{{ with .Input.x }}{{ . }}{{ else }}none{{ end }}", "{}"));
        Assert.Equal("z", Run("{{ with .Input.x }}{{ . }}{{ else with .Input.y }}{{ . }}{{ end }}", """{"y":"z"}"""));
    }

    [Fact]
    public void Range_over_slices_maps_and_ints()
    {
        Assert.Equal("a,b,", Run("{{ range .Input.l }}{{ . }},{{ end }}", """{"l":["a","b"]}"""));
        Assert.Equal("0=a 1=b ", Run("{{ range $i, $v := .Input.l }}{{ $i }}={{ $v }} {{ end }}", """{"l":["a","b"]}"""));
        Assert.Equal("a=2 b=1 ", Run("{{ range $k, $v := .Input.m }}{{ $k }}={{ $v }} {{ end }}", """{"m":{"b":1,"a":2}}"""));
        Assert.Equal("x y ", Run("{{ range $v := .Input.l }}{{ $v }} {{ end }}", """{"l":["x","y"]}"""));
        Assert.Equal("012", Run("{{ range 3 }}{{ . }}{{ end }}"));
        Assert.Equal("empty", Run("{{ range .Input.l }}{{ . }}{{ else }}empty{{ end }}", """{"l":[]}"""));
        Assert.Equal("empty", Run("{{ range .Input.missing }}{{ . }}{{ else }}empty{{ end }}"));
    }

    [Fact]
    public void Range_break_and_continue()
    {
        Assert.Equal("1", Run("{{ range .Input.l }}{{ if eq . 2.0 }}{{ break }}{{ end }}{{ . }}{{ end }}", """{"l":[1,2,3]}"""));
        Assert.Equal("13", Run("{{ range .Input.l }}{{ if eq . 2.0 }}{{ continue }}{{ end }}{{ . }}{{ end }}", """{"l":[1,2,3]}"""));
    }

    [Fact]
    public void Break_outside_range_is_a_parse_error() => Assert.Contains("{{break}} outside {{range}}", ParseError("{{ break }}"));

    [Fact]
    public void Range_over_a_string_is_an_error() => Assert.Contains("range can't iterate over abc", ExecError("{{ range .Input.s }}{{ end }}", """{"s":"abc"}"""));

    [Theory]
    [InlineData("{{ \"a\\tb\\u00e9\\x41\\101\" }}", "a\tbéAA")]
    [InlineData("{{ `raw \\n` }}", "raw \\n")]
    [InlineData("{{ 'a' }}", "97")]
    [InlineData("{{ 42 }}", "42")]
    [InlineData("{{ -7 }}", "-7")]
    [InlineData("{{ 0x1F }}", "31")]
    [InlineData("{{ 1_000 }}", "1000")]
    [InlineData("{{ 1.5 }}", "1.5")]
    [InlineData("{{ 1e3 }}", "1000")]
    [InlineData("{{ true }}", "true")]
    [InlineData("{{ false }}", "false")]
    public void Literals(string template, string expected) => Assert.Equal(expected, Run(template));

    [Fact]
    public void Nil_is_not_a_command() => Assert.Contains("nil is not a command", ExecError("{{ nil }}"));

    [Theory]
    [InlineData("{{ nosuch .Input }}", "function \"nosuch\" not defined")]
    [InlineData("{{ call .Input }}", "function \"call\" is not supported")]
    [InlineData("{{ .Input ", "unclosed action")]
    [InlineData("{{ if true }}x", "has no {{end}}")]
    [InlineData("{{ end }}", "unexpected {{end}}")]
    [InlineData("{{ else }}", "unexpected {{else}}")]
    [InlineData("{{ template \"x\" }}", "{{template}} (named templates) is not supported")]
    [InlineData("{{ define \"x\" }}{{ end }}", "{{define}} (named templates) is not supported")]
    [InlineData("{{ (upper \"a\" }}", "unclosed left paren")]
    [InlineData("{{ \"abc }}", "unterminated quoted string")]
    [InlineData("{{ 1x }}", "bad number syntax: \"1x\"")]
    [InlineData("{{ .Input | 3 }}", "non executable command in pipeline stage 2")]
    [InlineData("{{ }}", "missing value for command")]
    [InlineData("{{ .a | }}", "missing command after |")]
    [InlineData("{{ \"a\\q\" }}", "invalid syntax")]
    [InlineData("{{ # }}", "unrecognized character in action: '#'")]
    [InlineData("{{ if }}{{ end }}", "missing value for if")]
    public void Parse_errors_name_the_problem(string template, string expected) => Assert.Contains(expected, ParseError(template));

    [Fact]
    public void Parse_errors_name_the_position() => Assert.StartsWith("template: 2:7: function \"nosuch\" not defined", ParseError("line1\nab {{ nosuch }}"));

    [Fact]
    public void Execution_errors_name_the_pipeline_and_position()
    {
        var message = ExecError("x{{ .Input.n | upper }}", """{"n":3}""");
        Assert.StartsWith("template: 1:", message);
        Assert.Contains("executing \".Input.n | upper\"", message);
        Assert.Contains("wrong type for value; expected string; got float64", message);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Contains("wrong number of args for upper: want 1 got 2", ExecError("{{ upper \"a\" \"b\" }}"));
        Assert.Contains("wrong number of args for substr: want 3 got 2", ExecError("{{ substr 1 \"b\" }}"));
        Assert.Contains("expected integer; found 1.5", ExecError("{{ substr 1.5 2 \"abc\" }}"));
        Assert.Contains("expected string; found 3", ExecError("{{ upper 3 }}"));
        Assert.Contains("invalid value; expected string", ExecError("{{ upper .Input.missing }}"));
        Assert.Contains("wrong type for value; expected int; got float64", ExecError("{{ substr .Input.n 2 \"abc\" }}", """{"n":1}"""));
        Assert.Contains("can't give argument to non-function 3", ExecError("{{ 3 4 }}"));
        Assert.Contains("a is not a method but has arguments", ExecError("{{ .Input.a 1 }}", """{"a":1}"""));
    }

    [Fact]
    public void A_template_executes_many_times_and_concurrently()
    {
        var template = GoTemplate.Parse("{{ .Input.a | upper }}");
        Parallel.For(0, 200, i =>
        {
            var dot = new Dictionary<string, object?> { ["Input"] = new Dictionary<string, object?> { ["a"] = "v" + i } };
            Assert.Equal("V" + i, template.Execute(dot));
        });
    }
}
