using System.Buffers;
using System.Text.Json;

namespace ArgoEvents.Api;

/// <summary>
/// Model objects to and from Argo's JSON outside of whole manifests: a trigger template or a resource written as JSON,
/// changed as text (trigger parameters), and bound back with the same rules the manifest loader applies; and one
/// YAML document read into nodes.
/// </summary>
public static class ManifestJson
{
    /// <summary>Writes <paramref name="model"/> as JSON, field names and shapes exactly as <see cref="Bind{TModel}"/> reads them.</summary>
    public static byte[] Serialize(object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ManifestJsonWriter.Write(writer, model);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Binds one JSON document to a <typeparamref name="TModel"/>: every key must be a field of the model and every
    /// value of the field's type, as when loading a manifest.
    /// </summary>
    /// <param name="utf8Json">The JSON document.</param>
    /// <param name="sourceName">The name errors give for the document.</param>
    /// <exception cref="ManifestLoadException">The JSON is malformed, empty, or does not fit the model; every problem is listed.</exception>
    public static TModel Bind<TModel>(byte[] utf8Json, string sourceName)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        var errors = new List<ManifestError>();
        var documents = JsonDocumentReader.Read(utf8Json, sourceName, errors);
        TModel? bound = null;
        if (errors.Count == 0)
        {
            if (documents.Count == 0 || documents[0].Root is not { } root)
            {
                errors.Add(new ManifestError(null, null, $"{sourceName}: the JSON holds no object"));
            }
            else
            {
                bound = (TModel?)new ManifestBinder(sourceName, errors).BindRoot(root, typeof(TModel));
                if (bound is null && errors.Count == 0)
                {
                    errors.Add(new ManifestError(null, null, $"{sourceName}: the JSON is null, expected an object"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ManifestLoadException(errors);
        }

        return bound!;
    }

    /// <summary>
    /// Reads the first document of YAML text into a node tree (anchors and merge keys resolved), for callers that
    /// convert YAML with their own typing rules, such as event data Argo turns into JSON. Empty text is null.
    /// </summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name errors give for the text.</param>
    /// <exception cref="ManifestLoadException">The YAML is malformed.</exception>
    public static ManifestNode? ReadYamlDocument(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var errors = new List<ManifestError>();
        var documents = YamlDocumentReader.Read(new StringReader(yaml), sourceName, errors);
        if (errors.Count > 0)
        {
            throw new ManifestLoadException(errors);
        }

        return documents.Count == 0 ? null : documents[0].Root;
    }
}
