namespace Cerebellum.Workflows;

/// <summary>The units an SLA or escalation delay may be written in.</summary>
public enum DurationUnit
{
    /// <summary><c>m</c>: elapsed minutes, day and night, holidays included.</summary>
    Minutes,

    /// <summary><c>h</c>: elapsed hours, day and night, holidays included.</summary>
    Hours,

    /// <summary><c>d</c>: calendar days: the same local time N dates later.</summary>
    Days,

    /// <summary><c>wd</c>: working days per the holiday calendar (see SlaCalculator).</summary>
    WorkingDays,
}
