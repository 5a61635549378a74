using ArgoEvents.Sensors.Triggers;

namespace ArgoEvents.Sensors.Artifacts;

/// <summary><c>source.inline</c>: the manifest as text in the sensor; decoded once, when the trigger is created.</summary>
internal sealed class InlineTriggerSource : TriggerSource
{
    private readonly byte[] _json;

    public InlineTriggerSource(string text, string fieldPath)
        : base(fieldPath)
    {
        try
        {
            _json = ManifestText.ToJsonObject(text, fieldPath);
        }
        catch (FormatException e)
        {
            throw new TriggerConfigurationException(e.Message, e);
        }
    }

    public override Task<byte[]> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(_json.ToArray());
}
