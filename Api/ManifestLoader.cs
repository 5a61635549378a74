using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api;

/// <summary>
/// Reads <c>argoproj.io/v1alpha1</c> manifests (YAML, multi-document, or JSON) into typed objects, each with its
/// source. Anything that does not fit the model is an error naming the file, line and column: malformed YAML, a
/// wrong <c>apiVersion</c>, a kind the loader does not read, an unknown field (with its path, such as
/// <c>spec.webhook.example.endpint</c>) or a value of the wrong type. Loading does not apply Argo's rules: call
/// <see cref="ArgoObject.Validate"/> for that.
/// </summary>
public static class ManifestLoader
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    /// <summary>Loads every document of a <c>.yaml</c>, <c>.yml</c> or <c>.json</c> file.</summary>
    /// <exception cref="ManifestLoadException">Any document has a problem; every problem is listed.</exception>
    public static IReadOnlyList<ArgoObject> LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var errors = new List<ManifestError>();
        var objects = ReadFile(path, errors);
        ThrowIfAny(errors);
        return objects;
    }

    /// <summary>Loads every document of YAML (or JSON) text.</summary>
    /// <param name="text">The manifests.</param>
    /// <param name="sourceName">The name errors give for the text, such as a file name.</param>
    /// <exception cref="ManifestLoadException">Any document has a problem; every problem is listed.</exception>
    public static IReadOnlyList<ArgoObject> LoadString(string text, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var errors = new List<ManifestError>();
        var documents = YamlDocumentReader.Read(new StringReader(text), sourceName, errors);
        var objects = ToObjects(documents, sourceName, expectedKind: null, errors);
        ThrowIfAny(errors);
        return objects;
    }

    /// <summary>
    /// Loads the object Argo passes to its pods as base64-encoded JSON, such as <c>EVENTSOURCE_OBJECT</c>.
    /// <c>apiVersion</c> and <c>kind</c> are required here; use <see cref="LoadFromBase64Json{TModel}"/> when the kind is known.
    /// </summary>
    /// <exception cref="ManifestLoadException">The value is not base64 JSON of a known object.</exception>
    public static ArgoObject LoadFromBase64Json(string base64Json, string sourceName = "EVENTSOURCE_OBJECT") =>
        LoadBase64(base64Json, sourceName, expectedKind: null);

    /// <summary>
    /// Loads an object of a known kind from base64-encoded JSON, such as <c>EVENTSOURCE_OBJECT</c>. Argo's controller
    /// may leave <c>apiVersion</c> and <c>kind</c> out of it; when present they must match.
    /// </summary>
    /// <exception cref="ManifestLoadException">The value is not base64 JSON of a <typeparamref name="TModel"/>.</exception>
    public static TModel LoadFromBase64Json<TModel>(string base64Json, string sourceName)
        where TModel : ArgoObject =>
        (TModel)LoadBase64(base64Json, sourceName, ManifestKinds.ForModel(typeof(TModel)));

    /// <summary>Loads every <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> file directly inside a folder.</summary>
    /// <exception cref="ManifestLoadException">Any file has a problem; the problems of all files are listed together.</exception>
    public static IReadOnlyList<ArgoObject> LoadDirectory(string directory)
    {
        var result = ReadDirectory(directory);
        result.ThrowIfFailed();
        return result.Objects;
    }

    /// <summary>
    /// Reads every <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> file directly inside a folder, in file-name order,
    /// collecting the objects of the files that load and the errors of all the files.
    /// </summary>
    public static DirectoryLoadResult ReadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The manifest folder '{directory}' does not exist.");
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(file => ManifestExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var objects = new List<ArgoObject>();
        var errors = new List<ManifestError>();
        foreach (var file in files)
        {
            var fileErrors = new List<ManifestError>();
            IReadOnlyList<ArgoObject> fileObjects;
            try
            {
                fileObjects = ReadFile(file, fileErrors);
            }
            catch (IOException ex)
            {
                fileErrors.Add(new ManifestError(new SourceLocation(file, 1, 1), null, $"cannot be read: {ex.Message}"));
                fileObjects = [];
            }

            if (fileErrors.Count == 0)
            {
                objects.AddRange(fileObjects);
            }

            errors.AddRange(fileErrors);
        }

        return new DirectoryLoadResult(objects, errors);
    }

    private static IReadOnlyList<ArgoObject> ReadFile(string path, List<ManifestError> errors)
    {
        var isJson = string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase);
        var documents = isJson
            ? JsonDocumentReader.Read(File.ReadAllBytes(path), path, errors)
            : YamlDocumentReader.Read(new StringReader(File.ReadAllText(path)), path, errors);
        return ToObjects(documents, path, expectedKind: null, errors);
    }

    private static ArgoObject LoadBase64(string base64Json, string sourceName, ManifestKind? expectedKind)
    {
        ArgumentNullException.ThrowIfNull(base64Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        byte[] json;
        try
        {
            json = Convert.FromBase64String(base64Json.Trim());
        }
        catch (FormatException)
        {
            throw new ManifestLoadException([new ManifestError(null, null, $"{sourceName}: the value is not valid base64")]);
        }

        var errors = new List<ManifestError>();
        var documents = JsonDocumentReader.Read(json, sourceName, errors);
        var objects = ToObjects(documents, sourceName, expectedKind, errors);
        if (errors.Count == 0 && objects.Count == 0)
        {
            errors.Add(new ManifestError(null, null, $"{sourceName}: the JSON holds no object"));
        }

        ThrowIfAny(errors);
        return objects[0];
    }

    private static List<ArgoObject> ToObjects(IReadOnlyList<ParsedDocument> documents, string sourceName, ManifestKind? expectedKind, List<ManifestError> errors)
    {
        var objects = new List<ArgoObject>();
        foreach (var document in documents)
        {
            if (document.Root is not null && ToObject(document, document.Root, sourceName, expectedKind, errors) is { } loaded)
            {
                objects.Add(loaded);
            }
        }

        return objects;
    }

    private static ArgoObject? ToObject(ParsedDocument document, ManifestNode root, string sourceName, ManifestKind? expectedKind, List<ManifestError> errors)
    {
        if (root is not ManifestMapping mapping)
        {
            errors.Add(new ManifestError(root.Position.In(sourceName), null, $"document {document.Index} must be a mapping with apiVersion, kind, metadata and spec, got {root.Describe()}"));
            return null;
        }

        if (!CheckApiVersion(mapping, sourceName, expectedKind, errors) || ResolveKind(mapping, sourceName, expectedKind, errors) is not { ModelType: { } modelType } kind)
        {
            return null;
        }

        var errorCount = errors.Count;
        var binder = new ManifestBinder(sourceName, errors);
        var bound = (ArgoObject?)binder.BindRoot(mapping, modelType);
        if (bound is null || errors.Count > errorCount)
        {
            return null;
        }

        var source = new ManifestSource(sourceName, document.Index, root.Position, binder.Positions);
        return bound with { ApiVersion = ArgoObject.GroupVersion, Kind = kind.Name, Source = source };
    }

    private static bool CheckApiVersion(ManifestMapping mapping, string sourceName, ManifestKind? expectedKind, List<ManifestError> errors)
    {
        if (!mapping.TryGetValue("apiVersion", out var node) || node is ManifestScalar { IsNull: true })
        {
            if (expectedKind is not null)
            {
                return true;
            }

            errors.Add(new ManifestError(mapping.Position.In(sourceName), "apiVersion", $"field 'apiVersion' is required and must be {ArgoObject.GroupVersion}"));
            return false;
        }

        if (node is ManifestScalar { Value: ArgoObject.GroupVersion })
        {
            return true;
        }

        var written = node is ManifestScalar scalar ? $"'{scalar.Value}'" : node.Describe();
        errors.Add(new ManifestError(node.Position.In(sourceName), "apiVersion", $"field 'apiVersion' must be {ArgoObject.GroupVersion}, got {written}"));
        return false;
    }

    private static ManifestKind? ResolveKind(ManifestMapping mapping, string sourceName, ManifestKind? expectedKind, List<ManifestError> errors)
    {
        if (!mapping.TryGetValue("kind", out var node) || node is ManifestScalar { IsNull: true })
        {
            if (expectedKind is not null)
            {
                return expectedKind;
            }

            errors.Add(new ManifestError(mapping.Position.In(sourceName), "kind", $"field 'kind' is required: one of {string.Join(", ", ManifestKinds.SupportedNames)}"));
            return null;
        }

        var location = node.Position.In(sourceName);
        if (node is not ManifestScalar { Value: var name } || !ManifestKinds.TryGet(name, out var kind))
        {
            var written = node is ManifestScalar scalar ? $"'{scalar.Value}'" : node.Describe();
            errors.Add(new ManifestError(location, "kind", $"unknown kind {written}: this loader reads {string.Join(", ", ManifestKinds.SupportedNames)}"));
            return null;
        }

        if (kind.RefusalMessage is not null)
        {
            errors.Add(new ManifestError(location, "kind", kind.RefusalMessage));
            return null;
        }

        if (expectedKind is not null && kind != expectedKind)
        {
            errors.Add(new ManifestError(location, "kind", $"field 'kind' must be {expectedKind.Name} here, got '{kind.Name}'"));
            return null;
        }

        return kind;
    }

    private static void ThrowIfAny(List<ManifestError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ManifestLoadException(errors);
        }
    }
}
