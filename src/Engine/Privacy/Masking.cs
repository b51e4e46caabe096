using System.Text;
using System.Text.RegularExpressions;

namespace Cerebellum.Engine.Privacy;

/// <summary>Masked forms of Chinese personal data: enough for a handler to recognise whom or what a case is
/// about ("张*, 138****1234, 3-2-****"), not enough to identify or call them. Pure functions.</summary>
public static partial class Masking
{
    public const char Star = '*';

    /// <summary>Two-character surnames (复姓) still in use; for these the first two characters are the surname.</summary>
    public static readonly IReadOnlySet<string> CompoundSurnames = new HashSet<string>
    {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯",
        "轩辕", "端木", "西门", "南宫", "独孤", "澹台", "公冶", "宗政", "濮阳", "太史", "申屠", "钟离", "闻人", "赫连",
        "万俟", "呼延", "百里", "东郭", "拓跋", "第五", "单于", "司空", "仲孙", "淳于", "公羊", "羊舌", "梁丘", "左丘",
        "东门", "鲜于", "闾丘", "亓官", "司寇", "子车", "颛孙", "巫马", "公西", "漆雕", "乐正", "壤驷", "公良", "谷梁",
        "宰父", "段干", "呼和", "锺离",
    };

    public static string Apply(MaskFormat format, string? value) => value is null or "" ? value ?? "" : format switch
    {
        MaskFormat.Name => Name(value),
        MaskFormat.Mobile => Phone(value),
        MaskFormat.IdNumber => IdNumber(value),
        MaskFormat.Unit => Unit(value),
        MaskFormat.Email => Email(value),
        _ => FreeText(value),
    };

    /// <summary>张三 → 张*, 张三丰 → 张**, 欧阳娜娜 → 欧阳**; a one-character name is all stars;
    /// a Latin-script name keeps each word's first letter (Li Na → L* N*).</summary>
    public static string Name(string name)
    {
        name = name.Trim();
        if (name.Length == 0) return name;
        if (!IsHan(name[0]))
            return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[0] + new string(Star, w.Length - 1)));
        var surname = name.Length > 2 && CompoundSurnames.Contains(name[..2]) ? 2 : 1;
        if (name.Length == 1) return Star.ToString();
        return name[..surname] + new string(Star, name.Length - surname);
    }

    /// <summary>Mobile numbers keep the first three and last four digits (138****1234), as Chinese carriers,
    /// banks and 12306 show them; a +86 prefix stays. Other numbers (landlines) keep only the last four digits.</summary>
    public static string Phone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        var national = phone.TrimStart().StartsWith("+86", StringComparison.Ordinal) ? 2 : 0;
        var keepFirst = digits - national == 11 && MobileRun().IsMatch(phone) ? 3 + national : 0;
        return MaskDigits(phone, keepFirst, 4);
    }

    /// <summary>Resident ID numbers (居民身份证号码, GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit
    /// sequence, check character) keep the region and the last four (330106********123X). The birth date is
    /// hidden entirely — stricter than the railway ticket, which hides only digits 11–14 — because it gives the
    /// age of a person we already know the building of; the region adds nothing the case's place does not.
    /// Old 15-digit numbers keep the first six and last three.</summary>
    public static string IdNumber(string id)
    {
        var trimmed = id.Trim();
        if (trimmed.Length == 18) return trimmed[..6] + new string(Star, 8) + trimmed[14..];
        if (trimmed.Length == 15) return trimmed[..6] + new string(Star, 6) + trimmed[12..];
        return trimmed.Length <= 4 ? new string(Star, trimmed.Length) : new string(Star, trimmed.Length - 4) + trimmed[^4..];
    }

    /// <summary>The room is masked, the building and entrance stay (they are building-level, public):
    /// 3-2-1201 → 3-2-****, 3幢2单元1201室 → 3幢2单元****室, cy1-b3-u1201 → cy1-b3-*****.</summary>
    public static string Unit(string unit)
    {
        var last = unit.LastIndexOf('-');
        if (last >= 0 && last < unit.Length - 1) return unit[..(last + 1)] + new string(Star, unit.Length - last - 1);
        var room = LastRoom().Match(unit);
        return room.Success ? unit[..room.Index] + new string(Star, room.Length) + unit[(room.Index + room.Length)..] : new string(Star, unit.Length);
    }

    /// <summary>zhang.san@example.com → z********@example.com.</summary>
    public static string Email(string email)
    {
        var at = email.IndexOf('@');
        if (at <= 0) return new string(Star, email.Length);
        return email[0] + new string(Star, at - 1) + email[at..];
    }

    /// <summary>Case text as typed by a resident or a grid worker: mobile numbers, landlines and ID numbers in it
    /// are masked (the rest of the text is the case's substance and stays).</summary>
    public static string FreeText(string text)
    {
        text = IdInText().Replace(text, m => IdNumber(m.Value));
        text = MobileInText().Replace(text, m => Phone(m.Value));
        return LandlineInText().Replace(text, m => Phone(m.Value));
    }

    private static string MaskDigits(string value, int keepFirst, int keepLast)
    {
        var total = value.Count(char.IsAsciiDigit);
        if (total <= keepLast) keepLast = 0;
        var sb = new StringBuilder(value.Length);
        var seen = 0;
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c)) { sb.Append(c); continue; }
            sb.Append(seen < keepFirst || seen >= total - keepLast ? c : Star);
            seen++;
        }
        return sb.ToString();
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    [GeneratedRegex(@"1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}$")]
    private static partial Regex MobileRun();

    [GeneratedRegex(@"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])|(?<![\dA-Za-z])\d{15}(?![\dA-Za-z])")]
    private static partial Regex IdInText();

    [GeneratedRegex(@"(?<![\d*])(\+86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)")]
    private static partial Regex MobileInText();

    [GeneratedRegex(@"(?<![\d*])0\d{2,3}[\s-]?\d{7,8}(?!\d)")]
    private static partial Regex LandlineInText();

    [GeneratedRegex(@"[0-9A-Za-z]+(?=\D*$)")]
    private static partial Regex LastRoom();
}
