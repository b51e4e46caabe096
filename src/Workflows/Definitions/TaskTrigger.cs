namespace Cerebellum.Workflows;

/// <summary>When a task rule fires (YAML key <c>when</c>).</summary>
public enum TaskTrigger
{
    /// <summary><c>assessed</c>: only if the risk assessment named this party.</summary>
    Assessed,

    /// <summary><c>always</c>: for every case routed by the definition, e.g. the street office that coordinates.</summary>
    Always,
}
