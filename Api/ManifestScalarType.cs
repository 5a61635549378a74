namespace ArgoEvents.Api;

/// <summary>What a scalar means by the YAML 1.2 core schema: quoted scalars are always strings.</summary>
public enum ManifestScalarType
{
    /// <summary><c>null</c>, <c>~</c> or nothing at all.</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A decimal, <c>0x</c> hexadecimal or <c>0o</c> octal integer.</summary>
    Integer,

    /// <summary>A floating-point number, including <c>.inf</c> and <c>.nan</c>.</summary>
    Float,

    /// <summary>Anything else.</summary>
    String,
}
