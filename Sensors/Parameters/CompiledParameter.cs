using System.Runtime.CompilerServices;
using System.Text;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Parameters.Sjson;

namespace ArgoEvents.Sensors.Parameters;

/// <summary>
/// A <see cref="TriggerParameter"/> prepared once per instance: its source, its <c>dest</c> as an sjson path and its
/// operation. Problems Argo only meets when the parameter is applied (an empty or unusable dest, an unknown
/// operation, no src) are kept and reported then, so a parameter whose dependency did not fire is still skipped.
/// </summary>
internal sealed class CompiledParameter
{
    private static readonly ConditionalWeakTable<TriggerParameter, CompiledParameter> Cache = [];

    private readonly CompiledParameterSource? _source;
    private readonly SjsonPath? _destPath;
    private readonly string? _destError;
    private readonly ParameterOperation _operation;

    private CompiledParameter(TriggerParameter parameter)
    {
        Dest = parameter.Dest ?? string.Empty;
        _source = parameter.Src is null ? null : ParameterValueResolver.Compile(parameter.Src);
        try
        {
            _destPath = SjsonPath.Compile(Dest);
        }
        catch (SjsonPathException e)
        {
            _destError = e.Message;
        }

        OperationText = parameter.Operation ?? string.Empty;
        _operation = OperationText switch
        {
            "" or "overwrite" => ParameterOperation.Overwrite,
            "append" => ParameterOperation.Append,
            "prepend" => ParameterOperation.Prepend,
            _ => ParameterOperation.Unsupported,
        };
    }

    /// <summary><c>dest</c>, empty when unset.</summary>
    public string Dest { get; }

    /// <summary><c>operation</c> as written.</summary>
    public string OperationText { get; }

    private string? DependencyName => _source?.DependencyName;

    /// <summary>The prepared form of <paramref name="parameter"/>, made once per instance.</summary>
    public static CompiledParameter For(TriggerParameter parameter) =>
        Cache.GetValue(parameter, static p => new CompiledParameter(p));

    /// <summary>The parameter's value for these events; null when the parameter is skipped.</summary>
    /// <exception cref="TriggerParameterException">The parameter has no src or its value cannot be resolved.</exception>
    public ParameterValue? Resolve(IReadOnlyDictionary<string, SensorEvent> events, EventPayloads payloads)
    {
        if (_source is null)
        {
            throw new TriggerParameterException(Dest, null, "the parameter has no src");
        }

        return ParameterValueResolver.Resolve(_source, events, payloads, Dest);
    }

    /// <summary>Argo's <c>ApplyParams</c> step for this parameter: <paramref name="json"/> with the value applied at dest.</summary>
    /// <exception cref="TriggerParameterException">The value does not resolve, the operation is unknown, or dest cannot be set.</exception>
    public byte[]? ApplyTo(ReadOnlySpan<byte> json, IReadOnlyDictionary<string, SensorEvent> events, EventPayloads payloads)
    {
        if (Resolve(events, payloads) is not { } value)
        {
            return null;
        }

        switch (_operation)
        {
            case ParameterOperation.Append or ParameterOperation.Prepend:
                if (_destPath is not null && Find(json, out var start, out var length))
                {
                    // Argo extends the current value's text, so the result is always a string.
                    var current = GjsonText.FromRaw(json.Slice(start, length));
                    value = ParameterValue.String(_operation == ParameterOperation.Append ? current + value.Text : value.Text + current);
                }

                break;
            case ParameterOperation.Unsupported:
                throw new TriggerParameterException(Dest, DependencyName, $"unsupported trigger parameter operation: {OperationText}");
        }

        return Set(json, value);
    }

    /// <summary>Argo's <c>ConstructPayload</c> step for a resolved value with a non-empty dest (operations do not apply there).</summary>
    /// <exception cref="TriggerParameterException">dest cannot be set.</exception>
    public byte[] Set(ReadOnlySpan<byte> json, ParameterValue value)
    {
        if (_destPath is null)
        {
            throw new TriggerParameterException(Dest, DependencyName, _destError!);
        }

        try
        {
            return !value.IsString && _source!.Source.UseRawData
                ? _destPath.SetRaw(json, Encoding.UTF8.GetBytes(value.Text))
                : _destPath.SetString(json, value.Text);
        }
        catch (SjsonPathException e)
        {
            throw new TriggerParameterException(Dest, DependencyName, e.Message, e);
        }
    }

    private bool Find(ReadOnlySpan<byte> json, out int start, out int length)
    {
        try
        {
            return _destPath!.TryFind(json, out start, out length);
        }
        catch (SjsonPathException e)
        {
            throw new TriggerParameterException(Dest, DependencyName, e.Message, e);
        }
    }
}
