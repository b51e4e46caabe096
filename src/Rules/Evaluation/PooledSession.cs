using NRules;

namespace Cerebellum.Rules.Evaluation;

/// <summary>
/// An NRules session kept for the next assessment of the same pack, with the recorder of the rules it fires.
/// Used by one thread at a time (the pool hands it out to one caller).
/// </summary>
internal sealed class PooledSession
{
    public PooledSession(ISessionFactory factory)
    {
        Session = factory.CreateSession();
        Session.ActionInterceptor = Recorder;
    }

    public ISession Session { get; }

    public FiringRecorder Recorder { get; } = new();

    /// <summary>
    /// Retracts this assessment's facts so the session is as new: no facts, nothing on the agenda, nothing recorded.
    /// False when that cannot be made sure of; the caller then drops the session instead of pooling it.
    /// </summary>
    public bool TryReset(object[] facts)
    {
        Recorder.Fired.Clear();
        try
        {
            Session.RetractAll(facts);
        }
        catch (RuleExecutionException)
        {
            return false;
        }

        return Session.Agenda.IsEmpty;
    }
}
