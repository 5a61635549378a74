using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Triggers;

namespace ArgoEvents.Sensors.Artifacts;

/// <summary><c>source.file</c>: a manifest file in the sensor's container, read at every firing.</summary>
internal sealed class FileTriggerSource : TriggerSource
{
    private readonly string _path;

    public FileTriggerSource(FileArtifact file, string fieldPath)
        : base(fieldPath)
    {
        if (string.IsNullOrWhiteSpace(file.Path))
        {
            throw new TriggerConfigurationException($"{fieldPath}.path is required: the manifest file to read.");
        }

        _path = file.Path;
    }

    public override async Task<byte[]> ReadAsync(CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(_path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TriggerExecutionException($"{FieldPath}: cannot read {_path}: {e.Message}", e);
        }

        return Decode(text, $"{FieldPath} ({_path})");
    }
}
