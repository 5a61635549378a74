namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>Which assignment operator an <see cref="AssignNode"/> is.</summary>
internal enum JqAssignKind
{
    /// <summary><c>lhs = rhs</c></summary>
    Set,

    /// <summary><c>lhs |= f</c></summary>
    Update,

    /// <summary><c>lhs op= rhs</c> for + - * / %</summary>
    Arithmetic,

    /// <summary><c>lhs //= rhs</c></summary>
    Alternative,
}
