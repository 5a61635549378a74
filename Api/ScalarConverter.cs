using System.Text.Json;

namespace ArgoEvents.Api;

/// <summary>
/// Reads and writes one model value type that is written as a single scalar (a duration, an int-or-string,
/// YAML carried inside a string). <see cref="Read"/> returns null for an absent value, or a problem that
/// completes the sentence "field 'x' ...".
/// </summary>
internal sealed record ScalarConverter(
    Type ValueType,
    Func<ManifestScalar, ScalarReadResult> Read,
    Action<Utf8JsonWriter, object> Write);
