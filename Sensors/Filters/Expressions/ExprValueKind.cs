namespace ArgoEvents.Sensors.Filters.Expressions;

/// <summary>The govaluate value types an expression works with (numbers are always float64, as in govaluate).</summary>
public enum ExprValueKind
{
    /// <summary>nil.</summary>
    Null,

    /// <summary>A float64.</summary>
    Number,

    /// <summary>A string.</summary>
    String,

    /// <summary>A boolean.</summary>
    Bool,

    /// <summary>An array (a JSON array or a parenthesised list).</summary>
    Array,

    /// <summary>A JSON object.</summary>
    Object,
}
