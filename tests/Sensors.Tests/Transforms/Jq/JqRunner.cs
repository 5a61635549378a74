using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoEvents.Sensors.Transforms.Jq;

namespace ArgoEvents.Sensors.Tests.Transforms.Jq;

/// <summary>Runs a program on JSON text and renders all outputs as compact JSON, one per line.</summary>
internal static class JqRunner
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Run(string program, string input = "null")
    {
        var outputs = JqProgram.Parse(program).Run(JsonNode.Parse(input));
        return string.Join("\n", outputs.Select(o => o?.ToJsonString(Relaxed) ?? "null"));
    }

    public static string RunError(string program, string input = "null")
    {
        var compiled = JqProgram.Parse(program);
        return Xunit.Assert.Throws<JqException>(() => compiled.Run(JsonNode.Parse(input))).Message;
    }

    public static string ParseError(string program) =>
        Xunit.Assert.Throws<JqException>(() => JqProgram.Parse(program)).Message;
}
