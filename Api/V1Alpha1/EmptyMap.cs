using System.Collections.ObjectModel;

namespace ArgoEvents.Api.V1Alpha1;

/// <summary>The shared empty map that model maps start as.</summary>
internal static class EmptyMap<TValue>
{
    public static IReadOnlyDictionary<string, TValue> Instance => ReadOnlyDictionary<string, TValue>.Empty;
}
