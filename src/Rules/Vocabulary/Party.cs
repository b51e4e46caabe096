namespace Cerebellum.Rules;

/// <summary>
/// A kind of responder. The declaration order is the stable order in which parties are reported.
/// </summary>
public enum Party
{
    Police,
    Property,
    Street,
    Health,
    Resident,
}
