namespace Cerebellum.Engine.Privacy;

/// <summary>DESIGN.md's privacy classes, in increasing order of protection: the order matters, a clearance
/// for one class includes every class below it.</summary>
public enum DataClass { Public = 0, Internal = 1, Personal = 2, Sensitive = 3 }

/// <summary>How a value of a personal or sensitive field is shown masked (see <see cref="Masking"/>).</summary>
public enum MaskFormat { None, Name, Mobile, IdNumber, Unit, FreeText, Email }

/// <summary>The class of one stored field, declared on the property itself (for positional records:
/// <c>[property: Personal(MaskFormat.Name)] string Name</c>). Every property of every type that reaches
/// storage carries one; tests/Engine.Tests/Privacy/ClassificationCoverageTests fails on any that does not.
/// A property whose type is itself classified (a record inside a record) is walked into: its own class
/// is the least a viewer needs to see any of it.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public abstract class ClassifiedAttribute(DataClass dataClass, MaskFormat mask) : Attribute
{
    public DataClass Class { get; } = dataClass;
    public MaskFormat Mask { get; } = mask;
}

/// <summary>Category, level, building-level place, times, counts: everyone signed in.</summary>
public sealed class PublicAttribute() : ClassifiedAttribute(DataClass.Public, MaskFormat.None);

/// <summary>Case text, task notes, unit number, device ids: the parties on the case.</summary>
public sealed class InternalAttribute(MaskFormat mask = MaskFormat.None) : ClassifiedAttribute(DataClass.Internal, mask);

/// <summary>Names, phone numbers, household members: the parties on the case within their jurisdiction.</summary>
public sealed class PersonalAttribute(MaskFormat mask = MaskFormat.None) : ClassifiedAttribute(DataClass.Personal, mask);

/// <summary>Health details, minors, ID numbers, whereabouts (PIPL art. 28): the health station; others with a stated purpose.</summary>
public sealed class SensitiveAttribute(MaskFormat mask = MaskFormat.None) : ClassifiedAttribute(DataClass.Sensitive, mask);
