namespace Cerebellum.Portal.Hosting;

/// <summary>What the <c>rules</c> and <c>workflows</c> commands share: reading the author's file, and
/// reporting a file that cannot be read in the same <c>file(line,col): message</c> shape as a load error,
/// so editors and CI logs treat both alike.</summary>
internal static class CommandFile
{
    /// <summary>Exit code for a file that does not load (or cannot be read), shared by both commands.</summary>
    public const int Invalid = 2;

    /// <summary>Exit code for bad usage (sysexits EX_USAGE).</summary>
    public const int Usage = 64;

    public static string? TryRead(string file, TextWriter output)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            output.WriteLine($"{file}(1,1): cannot read the file: {e.Message}");
            return null;
        }
    }
}
