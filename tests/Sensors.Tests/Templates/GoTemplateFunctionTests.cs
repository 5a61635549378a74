using Xunit;
using static ArgoEvents.Sensors.Tests.Templates.TemplateTestHelpers;

namespace ArgoEvents.Sensors.Tests.Templates;

public class GoTemplateFunctionTests
{
    private const string Data = """
        {"s":"Hello World","n":3,"f":2.7,"t":true,"l":["a","b","c"],"m":{"x":1,"y":"z"},"e":"","z":0,"csv":"a,b,c","ws":"  pad  "}
        """;

    [Theory]
    // Argo's corpus forms.
    [InlineData("{{ .Input.body.pull_request.head.sha | substr 0 7 }}", """{"body":{"pull_request":{"head":{"sha":"0123456789abcdef"}}}}""", "0123456")]
    [InlineData("{{ .Input.subject | title }}", """{"subject":"hello big world"}""", "Hello Big World")]
    [InlineData("{{ .Input.body.name | nospace | lower }}", """{"body":{"name":" My Cool\tName "}}""", "mycoolname")]
    [InlineData("{{ upper .Input.name.first }}", """{"name":{"first":"fake"}}""", "FAKE")]
    [InlineData("{{ .Input.subject | replace \"-\" \"_\" }}", """{"subject":"example-1"}""", "example_1")]
    public void Corpus_forms(string template, string json, string expected) => Assert.Equal(expected, Run(template, json));

    [Theory]
    [InlineData("{{ and 1 0 2 }}", "0")]
    [InlineData("{{ and 1 2 }}", "2")]
    [InlineData("{{ or 0 \"\" \"x\" }}", "x")]
    [InlineData("{{ or 0 \"\" }}", "")]
    [InlineData("{{ and false (index .Input.l 99) }}", "false")]
    [InlineData("{{ not .Input.e }}", "true")]
    [InlineData("{{ len .Input.l }}/{{ len .Input.m }}/{{ len \"héllo\" }}", "3/2/6")]
    [InlineData("{{ index .Input.l 1 }}", "b")]
    [InlineData("{{ index .Input.m \"y\" }}", "z")]
    [InlineData("{{ index .Input.m \"nope\" }}", "<no value>")]
    [InlineData("{{ slice .Input.l 1 }}", "[b c]")]
    [InlineData("{{ slice .Input.s 0 5 }}", "Hello")]
    [InlineData("{{ eq .Input.s \"x\" \"Hello World\" }}", "true")]
    [InlineData("{{ eq .Input.n 3.0 }}", "true")]
    [InlineData("{{ ne .Input.s \"x\" }}", "true")]
    [InlineData("{{ lt 1 2 }}{{ le 2 2 }}{{ gt \"b\" \"a\" }}{{ ge .Input.f 2.7 }}", "truetruetruetrue")]
    [InlineData("{{ eq .Input.missing nil }}", "true")]
    public void Builtins(string template, string expected) => Assert.Equal(expected, Run(template, Data));

    [Theory]
    [InlineData("{{ eq .Input.n 3 }}", "incompatible types for comparison")]
    [InlineData("{{ lt true false }}", "invalid type for comparison")]
    [InlineData("{{ eq .Input.l .Input.l }}", "non-comparable type")]
    [InlineData("{{ index .Input.l 5 }}", "index out of range: 5")]
    [InlineData("{{ index .Input.l 1.0 }}", "cannot index slice/array with type float64")]
    [InlineData("{{ len 3 }}", "len of type int")]
    [InlineData("{{ eq 1 }}", "missing argument for comparison")]
    [InlineData("{{ first \"x\" }}", "error calling first: Cannot find first on type string")]
    [InlineData("{{ div 1 0 }}", "error calling div: runtime error: integer divide by zero")]
    [InlineData("{{ substr 5 2 \"abcdef\" }}", "error calling substr: runtime error: slice bounds out of range")]
    [InlineData("{{ regexFind \"(\" \"x\" }}", "error calling regexFind: regexp: Compile(\"(\")")]
    public void Function_errors_name_the_problem(string template, string expected) => Assert.Contains(expected, ExecError(template, Data));

    [Theory]
    [InlineData("{{ upper .Input.s }}", "HELLO WORLD")]
    [InlineData("{{ lower .Input.s }}", "hello world")]
    [InlineData("{{ title \"hello_there wide-world\" }}", "Hello_there Wide-World")]
    [InlineData("{{ untitle \"Hello World\" }}", "hello world")]
    [InlineData("{{ substr 6 100 .Input.s }}", "World")]
    [InlineData("{{ substr -1 5 .Input.s }}", "Hello")]
    [InlineData("{{ nospace .Input.s }}", "HelloWorld")]
    [InlineData("{{ trim .Input.ws }}|", "pad|")]
    [InlineData("{{ trimAll \"$\" \"$$5.00$\" }}", "5.00")]
    [InlineData("{{ trimPrefix \"Hello \" .Input.s }}", "World")]
    [InlineData("{{ trimSuffix \" World\" .Input.s }}", "Hello")]
    [InlineData("{{ trunc 5 .Input.s }}|{{ trunc -5 .Input.s }}|{{ trunc 50 .Input.s }}", "Hello|World|Hello World")]
    [InlineData("{{ abbrev 8 .Input.s }}|{{ abbrev 3 .Input.s }}", "Hello...|Hello World")]
    [InlineData("{{ contains \"lo W\" .Input.s }}{{ hasPrefix \"He\" .Input.s }}{{ hasSuffix \"x\" .Input.s }}", "truetruefalse")]
    [InlineData("{{ quote .Input.s 1 .Input.missing }}", "\"Hello World\" \"1\"")]
    [InlineData("{{ squote \"a\" }}", "'a'")]
    [InlineData("{{ repeat 3 \"ab\" }}", "ababab")]
    [InlineData("{{ replace \"o\" \"0\" .Input.s }}", "Hell0 W0rld")]
    [InlineData("{{ (split \",\" .Input.csv)._1 }}", "b")]
    [InlineData("{{ splitList \",\" .Input.csv }}", "[a b c]")]
    [InlineData("{{ join \"-\" .Input.l }}|{{ splitList \",\" .Input.csv | join \"+\" }}", "a-b-c|a+b+c")]
    [InlineData("{{ cat \"a\" 1 .Input.missing \"b\" }}", "a 1 b")]
    [InlineData("{{ indent 2 \"a\\nb\" }}", "  a\n  b")]
    [InlineData("{{ nindent 2 \"a\" }}", "\n  a")]
    [InlineData("{{ b64enc \"hello world\" }}", "aGVsbG8gd29ybGQ=")]
    [InlineData("{{ b64dec \"aGVsbG8gd29ybGQ=\" }}", "hello world")]
    [InlineData("{{ b64dec \"aGVsbG8gd29ybGQ\" }}", "illegal base64 data at input byte 12")]
    [InlineData("{{ b64dec \"a$==\" }}", "illegal base64 data at input byte 1")]
    [InlineData("{{ sha256sum \"abc\" }}", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void Sprig_strings(string template, string expected) => Assert.Equal(expected, Run(template, Data));

    [Theory]
    [InlineData("{{ toJson .Input.m }}", "{\"x\":1,\"y\":\"z\"}")]
    [InlineData("{{ toJson \"<&>\" }}", "\"\\u003c\\u0026\\u003e\"")]
    [InlineData("{{ toRawJson \"<&>\" }}", "\"<&>\"")]
    [InlineData("{{ toJson 0.0000001 }}|{{ toJson 1e21 }}|{{ toJson 1e20 }}", "1e-7|1e+21|100000000000000000000")]
    [InlineData("{{ toPrettyJson .Input.m }}", "{\n  \"x\": 1,\n  \"y\": \"z\"\n}")]
    [InlineData("{{ (fromJson \"{\\\"a\\\":[1,2]}\").a }}", "[1 2]")]
    [InlineData("{{ toString .Input.n }}|{{ toString .Input.l }}", "3|[a b c]")]
    [InlineData("{{ toStrings (list 1 \"a\" nil) }}", "[1 a <nil>]")]
    [InlineData("{{ atoi \"42\" }}|{{ atoi \"x\" }}", "42|0")]
    [InlineData("{{ int .Input.f }}|{{ int \"12\" }}|{{ int64 \"7.00\" }}|{{ int \"abc\" }}", "2|12|7|0")]
    [InlineData("{{ float64 \"1.5\" }}|{{ float64 2 }}", "1.5|2")]
    [InlineData("{{ default \"d\" .Input.e }}|{{ default \"d\" .Input.s }}|{{ .Input.missing | default \"m\" }}", "d|Hello World|m")]
    [InlineData("{{ empty .Input.z }}{{ empty .Input.l }}{{ empty .Input.missing }}", "truefalsetrue")]
    [InlineData("{{ coalesce .Input.e .Input.z \"c\" }}", "c")]
    [InlineData("{{ ternary \"y\" \"n\" .Input.t }}|{{ false | ternary \"y\" \"n\" }}", "y|n")]
    [InlineData("{{ add 1 2 .Input.n }}|{{ add1 1 }}|{{ sub 5 .Input.f }}|{{ mul 2 3 4 }}|{{ div 7 2 }}|{{ mod 7 2 }}", "6|2|3|24|3|1")]
    [InlineData("{{ max 1 5 3 }}|{{ min 4 2 8 }}", "5|2")]
    [InlineData("{{ list 1 \"a\" .Input.t }}", "[1 a true]")]
    [InlineData("{{ $d := dict \"a\" 1 \"b\" }}{{ $d }}|{{ get $d \"a\" }}|{{ get $d \"x\" }}|{{ hasKey $d \"b\" }}", "map[a:1 b:]|1||true")]
    [InlineData("{{ keys .Input.m }}", "[x y]")]
    [InlineData("{{ first .Input.l }}{{ last .Input.l }}|{{ rest .Input.l }}|{{ initial .Input.l }}|{{ first (list) }}", "ac|[b c]|[a b]|<no value>")]
    [InlineData("{{ has \"b\" .Input.l }}{{ has \"q\" .Input.l }}", "truefalse")]
    [InlineData("{{ regexMatch \"^H.*d$\" .Input.s }}{{ regexMatch \"(\" .Input.s }}", "truefalse")]
    [InlineData("{{ regexFind \"[A-Z]\\\\w+\" .Input.s }}", "Hello")]
    [InlineData("{{ regexFindAll \"o\" .Input.s -1 }}", "[o o]")]
    [InlineData("{{ regexReplaceAll \"(\\\\w+) (\\\\w+)\" .Input.s \"$2 ${1}!$$\" }}", "World Hello!$")]
    [InlineData("{{ regexReplaceAll \"o\" .Input.s \"$1x\" }}", "Hell Wrld")]
    [InlineData("{{ regexReplaceAllLiteral \"o\" .Input.s \"$1\" }}", "Hell$1 W$1rld")]
    public void Sprig_values(string template, string expected) => Assert.Equal(expected, Run(template, Data));
}

public class TemplateFunctionSetTests
{
    [Theory]
    [InlineData("upper lower title substr nospace replace b64dec")]
    [InlineData("trim trimAll trimPrefix trimSuffix trunc abbrev contains hasPrefix hasSuffix quote squote repeat split splitList join")]
    [InlineData("b64enc toJson toString toStrings default empty coalesce ternary atoi int int64 float64 add sub mul div mod max min")]
    [InlineData("list dict get hasKey keys first last regexMatch regexFind regexReplaceAll sha256sum indent nindent cat fromJson")]
    [InlineData("and or not len index slice print printf println eq ne lt le gt ge html js urlquery")]
    public void Functions_are_defined(string names)
    {
        foreach (var name in names.Split(' '))
        {
            Assert.True(ArgoEvents.Sensors.Templates.TemplateFunctions.TryGet(name, out _), name);
        }
    }
}
