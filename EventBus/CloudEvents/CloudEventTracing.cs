using System.Diagnostics;

namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// The CloudEvents distributed-tracing extension: <c>traceparent</c> and <c>tracestate</c> hold
/// the W3C Trace Context of the operation that produced the event.
/// </summary>
public static class CloudEventTracing
{
    /// <summary>The extension attribute holding the W3C traceparent ("00-traceid-spanid-flags").</summary>
    public const string TraceParentAttribute = "traceparent";

    /// <summary>The extension attribute holding the W3C tracestate (vendor key=value list).</summary>
    public const string TraceStateAttribute = "tracestate";

    /// <summary>Sets <c>traceparent</c> and <c>tracestate</c> from an activity that uses W3C ids.</summary>
    /// <param name="cloudEvent">The event to stamp.</param>
    /// <param name="activity">The current activity; its <see cref="Activity.IdFormat"/> must be W3C.</param>
    public static void SetTraceContext(this CloudEvent cloudEvent, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.IdFormat != ActivityIdFormat.W3C)
        {
            throw new ArgumentException(
                $"Activity '{activity.OperationName}' uses {activity.IdFormat} ids; CloudEvents tracing needs W3C ids (Activity.DefaultIdFormat = ActivityIdFormat.W3C).",
                nameof(activity));
        }

        cloudEvent.SetTraceContext(activity.Context);
    }

    /// <summary>Sets <c>traceparent</c> and <c>tracestate</c> from an activity context; an empty tracestate removes the attribute.</summary>
    /// <param name="cloudEvent">The event to stamp.</param>
    /// <param name="context">A context with a trace id and a span id.</param>
    public static void SetTraceContext(this CloudEvent cloudEvent, ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        if (context.TraceId == default || context.SpanId == default)
        {
            throw new ArgumentException("The activity context has no trace id or span id, so there is no trace to propagate.", nameof(context));
        }

        var flags = (context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00";
        var traceParent = $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{flags}";
        cloudEvent.SetExtension(TraceParentAttribute, CloudEventAttributeValue.FromString(traceParent));
        if (string.IsNullOrEmpty(context.TraceState))
        {
            cloudEvent.RemoveExtension(TraceStateAttribute);
        }
        else
        {
            cloudEvent.SetExtension(TraceStateAttribute, CloudEventAttributeValue.FromString(context.TraceState));
        }
    }

    /// <summary>Reads <c>traceparent</c> and <c>tracestate</c> back into a remote activity context.</summary>
    /// <param name="cloudEvent">The event.</param>
    /// <param name="context">The parsed context, marked remote, when the result is true.</param>
    /// <returns>False when the event has no traceparent or it is not a valid W3C traceparent.</returns>
    public static bool TryGetTraceContext(this CloudEvent cloudEvent, out ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        context = default;
        if (!cloudEvent.TryGetExtension(TraceParentAttribute, out var traceParent)
            || traceParent.Type != CloudEventAttributeType.String)
        {
            return false;
        }

        string? traceState = null;
        if (cloudEvent.TryGetExtension(TraceStateAttribute, out var state) && state.Type == CloudEventAttributeType.String)
        {
            traceState = state.AsString();
        }

        return ActivityContext.TryParse(traceParent.AsString(), traceState, isRemote: true, out context);
    }
}
