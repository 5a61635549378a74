using System.Text;
using ArgoEvents.EventSources.Filtering;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Filtering;

public sealed class ExprEvaluationTests
{
    private const string Payload = """
        {"header":{"Content-Type":["application/json"]},
         "body":{"kind":"keep","n":5,"f":2.5,"big":1000000,"tags":["a","b"],"nested":{"x":null},"name":"Joe","text":"  hi  ","csv":"a,b,c",
                 "raw":"{\"id\":7,\"items\":[{\"k\":\"v\"}]}"},
         "x-request-id":"abc",
         "metadata":{"team":"core"}}
        """;

    private static string Evaluate(string expression)
    {
        var variables = EventFilter.Environment(Encoding.UTF8.GetBytes(Payload));
        var value = ExprParser.Parse(expression).Evaluate(variables);
        return $"{ExprValues.TypeName(value)}:{ExprValues.Format(value)}";
    }

    [Theory]
    // Literals.
    [InlineData("42", "int:42")]
    [InlineData("0x1F", "int:31")]
    [InlineData("1_000", "int:1000")]
    [InlineData("2.5", "float64:2.5")]
    [InlineData("1e3", "float64:1000")]
    [InlineData("'single'", "string:single")]
    [InlineData("\"dq \\\"esc\\\" \\n\"", "string:dq \"esc\" \n")]
    [InlineData("'\\u00e9\\x41'", "string:éA")]
    [InlineData("`raw\\n`", "string:raw\\n")]
    [InlineData("nil", "<nil>:<nil>")]
    [InlineData("[1, 'a', true]", "[]interface {}:[1 a true]")]
    [InlineData("{a: 1, 'b': 2}.b", "int:2")]
    // Precedence and associativity, as expr-lang defines them.
    [InlineData("1 + 2 * 3", "int:7")]
    [InlineData("(1 + 2) * 3", "int:9")]
    [InlineData("2 ** 3 ** 2", "float64:512")]
    [InlineData("2 ^ 10", "float64:1024")]
    [InlineData("-2 ** 2", "float64:-4")]
    [InlineData("10 - 4 - 3", "int:3")]
    [InlineData("7 / 2", "float64:3.5")]
    [InlineData("7 % 3", "int:1")]
    [InlineData("1 + 2 == 3 and not false", "bool:true")]
    [InlineData("true or false and false", "bool:true")]
    [InlineData("!true || true", "bool:true")]
    [InlineData("not (1 < 2)", "bool:false")]
    [InlineData("1 < 2 ? 'yes' : 'no'", "string:yes")]
    [InlineData("false ? 1 : true ? 2 : 3", "int:2")]
    [InlineData("1..3", "[]interface {}:[1 2 3]")]
    // JSON numbers are float64; comparisons mix int and float.
    [InlineData("body.n", "float64:5")]
    [InlineData("body.n == 5", "bool:true")]
    [InlineData("body.n + 1", "float64:6")]
    [InlineData("body.f > 2", "bool:true")]
    [InlineData("body.n >= 5.0 && body.n <= 5", "bool:true")]
    [InlineData("1 == 1.0", "bool:true")]
    [InlineData("'a' < 'b'", "bool:true")]
    [InlineData("body.big", "float64:1e+06")]
    // Members, indexes, missing keys.
    [InlineData("body.tags[0]", "string:a")]
    [InlineData("body.tags[-1]", "string:b")]
    [InlineData("body['kind']", "string:keep")]
    [InlineData("header[\"Content-Type\"][0]", "string:application/json")]
    [InlineData("body.missing", "<nil>:<nil>")]
    [InlineData("body.missing == nil", "bool:true")]
    [InlineData("undefinedVariable == nil", "bool:true")]
    [InlineData("body.nested.x ?? 'fallback'", "string:fallback")]
    [InlineData("body.missing?.deeper.still", "<nil>:<nil>")]
    [InlineData("body.name[0]", "string:J")]
    // The top-level '-' becomes '_'.
    [InlineData("x_request_id", "string:abc")]
    [InlineData("metadata.team", "string:core")]
    // Strings and membership.
    [InlineData("body.name + '!'", "string:Joe!")]
    [InlineData("'b' in body.tags", "bool:true")]
    [InlineData("'z' not in body.tags", "bool:true")]
    [InlineData("5 in [1, 5.0]", "bool:true")]
    [InlineData("'team' in metadata", "bool:true")]
    [InlineData("'x' in nil", "bool:false")]
    [InlineData("body.kind matches '^ke+p$'", "bool:true")]
    [InlineData("body.kind not matches '^x'", "bool:true")]
    [InlineData("body.kind matches ('^' + 'k')", "bool:true")]
    [InlineData("'abc' matches '(?P<word>\\\\w+)'", "bool:true")]
    [InlineData("body.name contains 'o'", "bool:true")]
    [InlineData("body.name startsWith 'J' and body.name endsWith 'e'", "bool:true")]
    [InlineData("body.name not contains 'x'", "bool:true")]
    // Builtins and Argo's helpers.
    [InlineData("len(body.tags)", "int:2")]
    [InlineData("len('héllo')", "int:6")]
    [InlineData("len(metadata)", "int:1")]
    [InlineData("abs(-3)", "int:3")]
    [InlineData("abs(-2.5)", "float64:2.5")]
    [InlineData("-3", "int:-3")]
    [InlineData("-body.n", "float64:-5")]
    [InlineData("int(body.f)", "int:2")]
    [InlineData("int('42')", "int:42")]
    [InlineData("asInt('7') + 1", "int:8")]
    [InlineData("float('1.5')", "float64:1.5")]
    [InlineData("asFloat(3)", "float64:3")]
    [InlineData("string(body.n)", "string:5")]
    [InlineData("string(body.f)", "string:2.5")]
    [InlineData("string(7)", "string:7")]
    [InlineData("upper(body.kind)", "string:KEEP")]
    [InlineData("lower('ABC')", "string:abc")]
    [InlineData("trim(body.text)", "string:hi")]
    [InlineData("trim('xxhixx', 'x')", "string:hi")]
    [InlineData("trimPrefix('prefix-x', 'prefix-')", "string:x")]
    [InlineData("trimSuffix('x.yaml', '.yaml')", "string:x")]
    [InlineData("hasPrefix('abc', 'ab') && hasSuffix('abc', 'bc')", "bool:true")]
    [InlineData("replace('a-b-c', '-', '+')", "string:a+b+c")]
    [InlineData("split(body.csv, ',')", "[]interface {}:[a b c]")]
    [InlineData("split(body.csv, ',', 2)", "[]interface {}:[a b,c]")]
    [InlineData("join(body.tags, '+')", "string:a+b")]
    [InlineData("toJson(body.tags)", "string:[\"a\",\"b\"]")]
    [InlineData("toJson(metadata)", "string:{\"team\":\"core\"}")]
    [InlineData("toJson({b: 1, a: 0.5, c: '<'})", "string:{\"a\":0.5,\"b\":1,\"c\":\"\\u003c\"}")]
    [InlineData("jsonpath(body.raw, '$.id')", "float64:7")]
    [InlineData("jsonpath(body.raw, '$.items[0].k')", "string:v")]
    [InlineData("jsonpath(body.raw, \"$['items'][-1]['k']\")", "string:v")]
    [InlineData("jsonpath(toJson(body), '$.tags[1]')", "string:b")]
    public void Expressions_evaluate_as_expr_lang_does(string expression, string expected)
    {
        Assert.Equal(expected, Evaluate(expression));
    }

    [Theory]
    [InlineData("false && body.missing.deeper == 1", "bool:false")]
    [InlineData("true || body.missing.deeper == 1", "bool:true")]
    [InlineData("false and 1 / 'x' == 1", "bool:false")]
    [InlineData("true ? true : body.missing.deeper", "bool:true")]
    [InlineData("false ? body.missing.deeper : 'else'", "string:else")]
    [InlineData("body.kind ?? body.missing.deeper", "string:keep")]
    public void Logical_operators_ternary_and_coalescing_short_circuit(string expression, string expected)
    {
        // Each skipped side would fail if it were evaluated.
        Assert.Equal(expected, Evaluate(expression));
    }

    [Theory]
    [InlineData("body.missing.deeper", "cannot fetch deeper from <nil>")]
    [InlineData("body.name + 1", "invalid operation: string + int")]
    [InlineData("body.name > 1", "invalid operation: string > int")]
    [InlineData("1 and true", "non-bool operand")]
    [InlineData("not 'x'", "invalid operation: not string")]
    [InlineData("5 % 0", "integer divide by zero")]
    [InlineData("2.5 % 2", "invalid operation: float64 % int")]
    [InlineData("body.tags[5]", "index out of range: 5 (array length is 2)")]
    [InlineData("body.tags.x", "cannot use string as an index")]
    [InlineData("1 in 'abc'", "operator \"in\" not defined on string")]
    [InlineData("int('x')", "strconv.Atoi")]
    [InlineData("len(5)", "invalid argument for len")]
    [InlineData("body.kind matches ('(' + '')", "invalid regular expression")]
    [InlineData("jsonpath(body.raw, '$.nope')", "key 'nope' not found")]
    [InlineData("jsonpath(body.kind, '$.a')", "not JSON")]
    [InlineData("body.n ? 1 : 2", "non-bool expression used as condition")]
    public void Type_errors_and_bad_lookups_fail_at_run_time(string expression, string expected)
    {
        var error = Assert.Throws<ExprRuntimeException>(() => Evaluate(expression));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_result_must_be_a_bool_and_the_payload_a_json_object()
    {
        var payload = Encoding.UTF8.GetBytes("""{"body":{"kind":"keep"},"my-key":1}""");

        Assert.True(EventFilter.Compile("body.kind == 'keep' && my_key == 1").Matches(payload));
        Assert.False(EventFilter.Compile("body.kind == 'drop'").Matches(payload));
        Assert.Contains("not a bool", Assert.Throws<ExprRuntimeException>(() => EventFilter.Compile("body.kind").Matches(payload)).Message, StringComparison.Ordinal);
        Assert.Contains("failed to unmarshal", Assert.Throws<ExprRuntimeException>(() => EventFilter.Compile("true").Matches("[1]"u8.ToArray())).Message, StringComparison.Ordinal);
        Assert.Contains("failed to unmarshal", Assert.Throws<ExprRuntimeException>(() => EventFilter.Compile("true").Matches("{"u8.ToArray())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_top_level_dashes_are_renamed()
    {
        var variables = EventFilter.Environment("""{"a-b":{"c-d":1}}"""u8.ToArray());

        Assert.Equal(1.0, ExprParser.Parse("a_b['c-d']").Evaluate(variables));
        Assert.Null(ExprParser.Parse("a_b.c_d").Evaluate(variables));
        Assert.False(variables.ContainsKey("a-b"));
    }

    [Fact]
    public void Dotted_top_level_keys_are_paths_and_a_parent_beside_its_child_is_dropped()
    {
        var variables = EventFilter.Environment("""{"x.y-z":1,"a":{"keep":true},"a.b":2,"m":{"n":3}}"""u8.ToArray());

        Assert.Equal(1.0, ExprParser.Parse("x.y_z").Evaluate(variables));
        Assert.Equal(2.0, ExprParser.Parse("a.b").Evaluate(variables));
        Assert.Null(ExprParser.Parse("a.keep").Evaluate(variables));
        Assert.Equal(3.0, ExprParser.Parse("m.n").Evaluate(variables));
        Assert.False(variables.ContainsKey("x.y_z"));
    }

    [Theory]
    [InlineData(5.0, "5", "5")]
    [InlineData(2.5, "2.5", "2.5")]
    [InlineData(123456.0, "123456", "123456")]
    [InlineData(1234567.0, "1.234567e+06", "1234567")]
    [InlineData(0.0001, "0.0001", "0.0001")]
    [InlineData(0.00001, "1e-05", "0.00001")]
    [InlineData(1e-7, "1e-07", "1e-7")]
    [InlineData(1e21, "1e+21", "1e+21")]
    [InlineData(-1.5e22, "-1.5e+22", "-1.5e+22")]
    public void Floats_are_spelled_as_go_spells_them(double value, string sprint, string json)
    {
        Assert.Equal(sprint, GoFloat.FormatG(value));
        Assert.Equal(json, GoFloat.FormatJson(value));
    }
}
