namespace Cerebellum.Portal.Hosting;

/// <summary>Set once the host has finished warming up; /health answers 503 until then so that
/// scripts and load balancers only send work to a node that handles it at full speed.</summary>
public sealed class Readiness
{
    private volatile bool ready;
    public bool IsReady => ready;
    public void MarkReady() => ready = true;
}
