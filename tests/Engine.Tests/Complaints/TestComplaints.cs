using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Complaints;

namespace Cerebellum.Engine.Tests.Complaints;

/// <summary>Builders for test complaints.</summary>
public static class TestComplaints
{
    public static ComplaintRecord About(Place place, string kind, DateTimeOffset requestedAt, string description = "楼上很吵") => new()
    {
        Id = Guid.CreateVersion7(),
        Token = ComplaintRecord.NewToken(),
        ServiceCode = kind,
        Kind = kind,
        Description = description,
        Location = new ComplaintLocation(null, place.Unit == "" ? place.Building : place.Unit, null, null, place),
        Contact = new ResidentContact("小明", "王", "13900001111", null),
        ClientId = "test-app",
        RequestedAt = requestedAt,
    };
}
