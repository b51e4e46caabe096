using Cerebellum.Engine.Registry.Importing;

namespace Cerebellum.Engine.Tests.Registry;

/// <summary>A small valid set of registry CSV files, one record each, to break one field at a time.</summary>
public static class RegistryFiles
{
    public static readonly Dictionary<string, string[]> Valid = new()
    {
        ["communities.csv"] = ["id,name", "cuiyuan,翠苑社区"],
        ["compounds.csv"] = ["id,communityId,name", "cy1,cuiyuan,翠苑一区"],
        ["buildings.csv"] = ["id,compoundId,name,floors", "cy1-b1,cy1,1幢,6"],
        ["units.csv"] = ["id,buildingId,entrance,number,floor", "cy1-b1-u0101,cy1-b1,1单元,101室,1"],
        ["households.csv"] = ["id,unitId,careGroup", "hh-cy1-b1-u0101,cy1-b1-u0101,true"],
        ["members.csv"] = ["householdId,name,birthYear,phone,disability", "hh-cy1-b1-u0101,张桂兰,1948,17000009999,false"],
        ["devices.csv"] = ["id,kind,vendor,compoundId,buildingId,unitId,label",
            "dev-smoke-cy1-b1-u0101,smoke,hikvision,cy1,cy1-b1,cy1-b1-u0101,烟感"],
        ["offices.csv"] = ["id,party,name,compounds,email", "property-lvcheng,property,绿城物业,cy1,cy1@lvcheng.example.cn"],
    };

    /// <summary>The valid set with some files' lines replaced.</summary>
    public static ImportFile[] With(params (string File, string[] Lines)[] replacements)
    {
        var files = Valid.ToDictionary(f => f.Key, f => f.Value);
        foreach (var (file, lines) in replacements) files[file] = lines;
        return files.Select(f => new ImportFile(f.Key, string.Join("\r\n", f.Value) + "\r\n")).ToArray();
    }

    public static IReadOnlyList<ImportError> Errors(params ImportFile[] files) =>
        RegistryImportParser.Parse(files, RegistrySnapshot.Empty, 2026).Errors;
}
