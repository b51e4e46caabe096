namespace Cerebellum.Workflows.Tests;

/// <summary>Instants written as Beijing wall-clock time, which is how the cases in these tests are reasoned about.</summary>
internal static class Time
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Beijing);
}
