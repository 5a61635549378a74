namespace ArgoEvents.Sensors.Templates;

/// <summary>The Go parameter type a template function declares; arguments are checked and converted against it.</summary>
internal enum ParamKind
{
    /// <summary><c>interface{}</c>: anything, nil included.</summary>
    Any,

    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>int</c>.</summary>
    Int,

    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>map[string]interface{}</c>.</summary>
    Map,
}

/// <summary>The body of a template function, given arguments already checked against its parameters.</summary>
internal delegate object? TemplateFunctionBody(ReadOnlySpan<object?> args);

/// <summary>A function callable from templates, with its Go signature.</summary>
/// <param name="Name">The name templates use.</param>
/// <param name="Parameters">The fixed parameters.</param>
/// <param name="Variadic">The type of the trailing variadic parameter, if any.</param>
/// <param name="Body">The implementation.</param>
internal sealed record TemplateFunction(string Name, ParamKind[] Parameters, ParamKind? Variadic, TemplateFunctionBody Body);

/// <summary>A template function failed; the executor reports it as Go does, <c>error calling NAME: message</c>.</summary>
internal sealed class TemplateFunctionException(string message) : Exception(message);
