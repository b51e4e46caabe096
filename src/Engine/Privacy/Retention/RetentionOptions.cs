namespace Cerebellum.Engine.Privacy.Retention;

/// <summary>How long personal and sensitive data stay after a case is over (closed, cancelled or merged), from
/// configuration <c>Cerebellum:Retention</c>. The defaults:
/// <list type="bullet">
/// <item>sensitive (health details): 30 days — enough for the resident's feedback (回访, usually within 15 days)
/// and a reopen; after that nobody on the case has a purpose for them that the health station's own records do
/// not serve better;</item>
/// <item>personal (names, phones, free text): 180 days — the office can still call back the resident on a repeat
/// complaint, a 督办 review or an appeal within half a year, the period offices review their own cases in;</item>
/// <item>a sweep every hour.</item>
/// </list></summary>
public sealed class RetentionOptions
{
    public int SensitiveDays { get; set; } = 30;
    public int PersonalDays { get; set; } = 180;
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after start-up a new chain's first sweep runs: start-up (warm-up, the first alarm after a
    /// restart) comes first.</summary>
    public TimeSpan FirstRunDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Cases erased per sweep at most; the next sweep continues (keeps one sweep's transaction bounded).</summary>
    public int BatchSize { get; set; } = 200;

    public void Validate()
    {
        if (SensitiveDays < 1) throw new ArgumentException("Cerebellum:Retention:SensitiveDays is at least 1.");
        if (PersonalDays < SensitiveDays)
            throw new ArgumentException("Cerebellum:Retention:PersonalDays is at least SensitiveDays (personal data never outlives sensitive data's purpose).");
        if (SweepInterval < TimeSpan.FromMinutes(1)) throw new ArgumentException("Cerebellum:Retention:SweepInterval is at least a minute.");
        if (FirstRunDelay < TimeSpan.Zero) throw new ArgumentException("Cerebellum:Retention:FirstRunDelay is not negative.");
        if (BatchSize < 1) throw new ArgumentException("Cerebellum:Retention:BatchSize is at least 1.");
    }

    /// <summary>What retention asks of a case that has been over since <paramref name="overAt"/>, given what was already
    /// erased: null for nothing yet. Pure.</summary>
    public DataClass? Due(DateTimeOffset overAt, DataClass? erased, DateTimeOffset now)
    {
        if (erased is DataClass.Personal) return null;
        if (now - overAt >= TimeSpan.FromDays(PersonalDays)) return DataClass.Personal;
        if (erased is null && now - overAt >= TimeSpan.FromDays(SensitiveDays)) return DataClass.Sensitive;
        return null;
    }
}
