namespace Cerebellum.Engine.Intake.Vendors.Loading;

/// <summary>One problem in a vendor profile: the file, the 1-based position, the profile field at fault
/// (e.g. <c>fields.kind.map</c>) and what is wrong, in the <c>file(line,column)</c> shape editors jump to.</summary>
public sealed record ProfileDiagnostic(string File, int Line, int Column, string Field, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Field}: {Message}";
}

/// <summary>Thrown at start-up when a profile is bad: the host refuses to run with a half-understood
/// vendor, since its alarms would be silently mis-mapped.</summary>
public sealed class VendorProfileLoadException(IReadOnlyList<ProfileDiagnostic> diagnostics)
    : Exception($"{diagnostics.Count} error(s) in vendor profiles:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}")
{
    public IReadOnlyList<ProfileDiagnostic> Diagnostics { get; } = diagnostics;
}
