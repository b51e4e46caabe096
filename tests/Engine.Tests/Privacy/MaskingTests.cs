using Cerebellum.Engine.Privacy;

namespace Cerebellum.Engine.Tests.Privacy;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张三丰", "张**")]
    [InlineData("欧阳娜娜", "欧阳**")]
    [InlineData("司马光", "司马*")]
    [InlineData("诸葛亮", "诸葛*")]
    [InlineData("欧阳", "欧*")]        // two characters: a surname 欧 and a given name 阳, not a lone compound surname
    [InlineData("李", "*")]
    [InlineData(" 王小明 ", "王**")]
    [InlineData("Li Na", "L* N*")]
    public void Names_keep_the_surname(string name, string masked) => Masking.Name(name).ShouldBe(masked);

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("138-1234-1234", "138-****-1234")]
    [InlineData("+86 138 1234 5678", "+86 138 **** 5678")]
    [InlineData("0571-88881234", "****-****1234")]
    [InlineData("123", "***")]
    public void Phone_numbers_keep_what_carriers_show(string phone, string masked) => Masking.Phone(phone).ShouldBe(masked);

    [Theory]
    [InlineData("33010619520304123X", "330106********123X")]
    [InlineData("110101199003071234", "110101********1234")]
    [InlineData("330106520304123", "330106******123")]
    public void Id_numbers_hide_the_birth_date(string id, string masked) => Masking.IdNumber(id).ShouldBe(masked);

    [Theory]
    [InlineData("3-2-1201", "3-2-****")]
    [InlineData("cy1-b3-u1201", "cy1-b3-*****")]
    [InlineData("3幢2单元1201室", "3幢2单元****室")]
    [InlineData("翠苑一区 1幢 101室", "翠苑一区 1幢 ***室")]
    public void Units_keep_the_building_and_entrance(string unit, string masked) => Masking.Unit(unit).ShouldBe(masked);

    [Fact]
    public void Email_keeps_the_first_letter_and_the_domain() => Masking.Email("zhang.san@example.com").ShouldBe("z********@example.com");

    [Fact]
    public void Free_text_has_phone_and_id_numbers_masked_and_nothing_else()
    {
        var text = "楼上3-2-1201每晚吵，我电话13900001111，座机0571-88881234，身份证33010619520304123X，工单号20240101。";
        Masking.FreeText(text).ShouldBe("楼上3-2-1201每晚吵，我电话139****1111，座机****-****1234，身份证330106********123X，工单号20240101。");
    }

    [Fact]
    public void Numbers_inside_longer_digit_runs_are_not_taken_for_phones()
    {
        Masking.FreeText("设备编号 9913900001111222").ShouldBe("设备编号 9913900001111222");
    }

    [Theory]
    [InlineData(MaskFormat.Name, "欧阳娜娜", "欧阳**")]
    [InlineData(MaskFormat.Mobile, "13812341234", "138****1234")]
    [InlineData(MaskFormat.IdNumber, "110101199003071234", "110101********1234")]
    [InlineData(MaskFormat.Unit, "3-2-1201", "3-2-****")]
    [InlineData(MaskFormat.FreeText, "电话13812341234", "电话138****1234")]
    public void Apply_picks_the_format(MaskFormat format, string value, string masked) => Masking.Apply(format, value).ShouldBe(masked);
}
