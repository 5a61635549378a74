namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>All supported builtins, looked up by the parser.</summary>
internal static class JqBuiltins
{
    public static readonly JqBuiltinTable Table = Build();

    /// <summary>Builtins that exist in jq but are refused here, with the reason given to the user.</summary>
    public static readonly IReadOnlyDictionary<string, string> Refused = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["env"] = "env is not available in transforms (the sensor's environment is not exposed to event data)",
        ["input"] = "input is not available in transforms (there is exactly one input, the event data)",
        ["inputs"] = "inputs is not available in transforms (there is exactly one input, the event data)",
        ["debug"] = "debug is not supported in transforms",
        ["stderr"] = "stderr is not supported in transforms",
        ["input_filename"] = "input_filename is not available in transforms",
        ["halt"] = "halt is not supported in transforms",
        ["halt_error"] = "halt_error is not supported in transforms; use error",
        ["now"] = "time functions (now) are not supported in transforms",
        ["builtins"] = "builtins is not supported in transforms",
        ["input_line_number"] = "input_line_number is not available in transforms",
    };

    private static JqBuiltinTable Build()
    {
        var t = new JqBuiltinTable();
        JqCoreBuiltins.Register(t);
        JqCollectionBuiltins.Register(t);
        JqPathBuiltins.Register(t);
        JqStringBuiltins.Register(t);
        JqRegexBuiltins.Register(t);
        JqMathBuiltins.Register(t);
        return t;
    }
}
