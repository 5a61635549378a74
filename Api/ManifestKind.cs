namespace ArgoEvents.Api;

/// <summary>
/// One <c>kind</c> the loader knows: either read into <see cref="ModelType"/>, or recognized and refused with
/// <see cref="RefusalMessage"/> (a kind of ours that has no model yet).
/// </summary>
internal sealed record ManifestKind(string Name, Type? ModelType, string? RefusalMessage)
{
    public static ManifestKind Supported<TModel>(string name) => new(name, typeof(TModel), null);

    public static ManifestKind NotYetSupported(string name) =>
        new(name, null, $"{name} manifests are not supported by this loader yet");
}
