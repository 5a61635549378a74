using System.Diagnostics.CodeAnalysis;
using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api;

/// <summary>The kinds of <c>argoproj.io/v1alpha1</c> the loader dispatches on. Adding a model is one line here.</summary>
internal static class ManifestKinds
{
    private static readonly ManifestKind[] Registered =
    [
        ManifestKind.Supported<EventBus>(EventBus.KindName),
        ManifestKind.Supported<EventSource>(EventSource.KindName),
        ManifestKind.Supported<Sensor>(Sensor.KindName),
    ];

    public static IEnumerable<string> SupportedNames => Registered.Where(k => k.ModelType is not null).Select(k => k.Name);

    public static bool TryGet(string name, [NotNullWhen(true)] out ManifestKind? kind)
    {
        kind = Registered.FirstOrDefault(k => k.Name == name);
        return kind is not null;
    }

    public static ManifestKind ForModel(Type modelType) =>
        Registered.FirstOrDefault(k => k.ModelType == modelType)
        ?? throw new ArgumentException($"{modelType.Name} is not a manifest kind the loader reads.", nameof(modelType));
}
