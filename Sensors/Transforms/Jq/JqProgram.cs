using System.Text.Json.Nodes;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// A parsed jq program (the language subset Argo Events' <c>transform.jq</c> needs, with gojq's semantics). Parse once,
/// run many times; a program holds no per-run state, so <see cref="Run"/> may be called concurrently.
/// </summary>
internal sealed class JqProgram
{
    private readonly JqNode root;

    private JqProgram(string text, JqNode root)
    {
        Text = text;
        this.root = root;
    }

    /// <summary>The program's source text.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="JqException">Syntax error or unsupported construct; the message names it and its line and column.</exception>
    public static JqProgram Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JqProgram(text, JqParser.Parse(text));
    }

    /// <summary>Runs the program on <paramref name="input"/> and returns all of its outputs, in order.</summary>
    /// <exception cref="JqException">A runtime error, with jq's message (e.g. <c>string ("a") and number (1) cannot be added</c>).</exception>
    public IReadOnlyList<JsonNode?> Run(JsonNode? input)
    {
        var value = JqJson.FromNode(input);
        var outputs = new List<JsonNode?>();
        try
        {
            foreach (var output in root.Eval(value, JqEnv.Empty))
            {
                outputs.Add(JqJson.ToNode(output));
            }
        }
        catch (InsufficientExecutionStackException e)
        {
            throw new JqException("jq program recursed too deeply", e);
        }

        return outputs;
    }
}
