namespace ArgoEvents.Api;

/// <summary>The outcome of reading a scalar into a model value: the value (null when absent) or a problem.</summary>
internal readonly record struct ScalarReadResult(object? Value, string? Problem)
{
    public static ScalarReadResult Absent => default;

    public static ScalarReadResult Of(object value) => new(value, null);

    public static ScalarReadResult Fail(string problem) => new(null, problem);
}
