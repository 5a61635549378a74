namespace ArgoEvents.Sensors.Triggers.ArgoWorkflow;

/// <summary>What an <c>argoWorkflow</c> trigger does (<c>operation</c>).</summary>
internal enum ArgoWorkflowOperation
{
    /// <summary><c>submit</c>: create the Workflow, labelled with the sensor and trigger, through the Kubernetes API.</summary>
    Submit,

    /// <summary><c>submit-from</c>: have the Argo Server submit a Workflow from a WorkflowTemplate or CronWorkflow.</summary>
    SubmitFrom,

    /// <summary><c>resubmit</c>: have the Argo Server run a finished Workflow again as a new one.</summary>
    Resubmit,

    /// <summary><c>retry</c>: have the Argo Server retry a failed Workflow.</summary>
    Retry,

    /// <summary><c>resume</c>: have the Argo Server resume a suspended Workflow.</summary>
    Resume,

    /// <summary><c>suspend</c>: have the Argo Server suspend a Workflow.</summary>
    Suspend,

    /// <summary><c>terminate</c>: have the Argo Server terminate a Workflow at once.</summary>
    Terminate,

    /// <summary><c>stop</c>: have the Argo Server stop a Workflow, running its exit handlers.</summary>
    Stop,
}
