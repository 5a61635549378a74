namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>EventDependencyFilter</c>: the time, context, data, expression and script filters of a dependency.</summary>
public sealed record EventDependencyFilter
{
    /// <summary><c>time</c>: a daily window the event time must fall in.</summary>
    [ManifestField("time")]
    public TimeFilter? Time { get; init; }

    /// <summary><c>context</c>: CloudEvents attributes the event must have.</summary>
    [ManifestField("context")]
    public EventContext? Context { get; init; }

    /// <summary><c>data</c>: conditions on values in the event data.</summary>
    [ManifestField("data")]
    public IReadOnlyList<DataFilter> Data { get; init; } = [];

    /// <summary><c>exprs</c>: expressions over values in the event data.</summary>
    [ManifestField("exprs")]
    public IReadOnlyList<ExprFilter> Exprs { get; init; } = [];

    /// <summary><c>dataLogicalOperator</c>: how the data filters combine, <c>and</c> (default) or <c>or</c>.</summary>
    [ManifestField("dataLogicalOperator")]
    public string? DataLogicalOperator { get; init; }

    /// <summary><c>exprLogicalOperator</c>: how the expression filters combine, <c>and</c> (default) or <c>or</c>.</summary>
    [ManifestField("exprLogicalOperator")]
    public string? ExprLogicalOperator { get; init; }

    /// <summary><c>script</c>: a Lua script that must return true for the event to pass.</summary>
    [ManifestField("script")]
    public string? Script { get; init; }
}
