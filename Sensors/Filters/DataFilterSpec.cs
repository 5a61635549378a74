namespace ArgoEvents.Sensors.Filters;

/// <summary>One entry of a dependency's <c>filters.data</c> list, as Argo's <c>DataFilter</c> declares it.</summary>
/// <param name="Path">gjson path into the event data.</param>
/// <param name="Type"><c>string</c>, <c>number</c> or <c>bool</c>.</param>
/// <param name="Values">Accepted values; any one matching satisfies the filter.</param>
/// <param name="Comparator"><c>=</c> (or empty), <c>!=</c>, and for numbers <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>.</param>
/// <param name="Template">Go template applied to the value before comparing; not supported yet (refused).</param>
public sealed record DataFilterSpec(string Path, string Type, IReadOnlyList<string> Values, string? Comparator = null, string? Template = null);
