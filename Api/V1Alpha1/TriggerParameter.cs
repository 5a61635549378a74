namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>TriggerParameter</c>: a value taken from an event and written at <c>dest</c>.</summary>
public sealed record TriggerParameter
{
    /// <summary>The operation used when none is written: <c>overwrite</c>.</summary>
    public const string DefaultOperation = "overwrite";

    /// <summary><c>src</c>: where the value comes from.</summary>
    [ManifestField("src")]
    public TriggerParameterSource? Src { get; init; }

    /// <summary><c>dest</c>: the sjson path the value is written to.</summary>
    [ManifestField("dest")]
    public string? Dest { get; init; }

    /// <summary><c>operation</c>: <c>overwrite</c> (default), <c>append</c> or <c>prepend</c>.</summary>
    [ManifestField("operation")]
    public string? Operation { get; init; }

    /// <summary>The operation Argo applies: <see cref="Operation"/> or <c>overwrite</c>.</summary>
    public string EffectiveOperation => string.IsNullOrEmpty(Operation) ? DefaultOperation : Operation;
}
