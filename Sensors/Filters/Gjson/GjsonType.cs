namespace ArgoEvents.Sensors.Filters.Gjson;

/// <summary>The kind of value a gjson path produced, as gjson names them.</summary>
public enum GjsonType
{
    /// <summary>The path matched nothing.</summary>
    None,

    /// <summary>A JSON <c>null</c>.</summary>
    Null,

    /// <summary>A JSON <c>false</c>.</summary>
    False,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON <c>true</c>.</summary>
    True,

    /// <summary>A JSON object or array.</summary>
    Json,
}
