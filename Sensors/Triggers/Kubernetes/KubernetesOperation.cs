namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>What a k8s trigger does with its object (<c>operation</c>).</summary>
internal enum KubernetesOperation
{
    /// <summary><c>create</c>: POST the object, labelled with the sensor and trigger.</summary>
    Create,

    /// <summary><c>update</c>: fold the object into the live one and PUT it; create it when missing.</summary>
    Update,

    /// <summary><c>patch</c>: PATCH the live object with the object; create it when missing.</summary>
    Patch,

    /// <summary><c>delete</c>: DELETE the object when it exists.</summary>
    Delete,
}
