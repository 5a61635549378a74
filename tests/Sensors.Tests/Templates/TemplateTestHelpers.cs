using System.Text.Json;
using ArgoEvents.Sensors.Templates;

namespace ArgoEvents.Sensors.Tests.Templates;

internal static class TemplateTestHelpers
{
    /// <summary>Executes <paramref name="template"/> with <c>{"Input": json}</c> as dot, as Argo's trigger parameters do.</summary>
    public static string Run(string template, string json = "{}")
    {
        using var document = JsonDocument.Parse(json);
        var input = GoValues.FromJson(document.RootElement);
        return GoTemplate.Parse(template).Execute(new Dictionary<string, object?> { ["Input"] = input });
    }

    public static string ParseError(string template) => Xunit.Assert.Throws<GoTemplateException>(() => GoTemplate.Parse(template)).Message;

    public static string ExecError(string template, string json = "{}") =>
        Xunit.Assert.Throws<GoTemplateException>(() => Run(template, json)).Message;
}
