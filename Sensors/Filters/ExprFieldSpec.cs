namespace ArgoEvents.Sensors.Filters;

/// <summary>Binds an expression parameter <paramref name="Name"/> to the gjson <paramref name="Path"/> in the event data.</summary>
/// <param name="Name">Parameter name used inside the expression.</param>
/// <param name="Path">gjson path whose value (gjson <c>Value()</c>) the parameter takes.</param>
public sealed record ExprFieldSpec(string Name, string Path);
