namespace Cerebellum.Engine.Registry.Importing;

/// <summary>The pure half of an import: files in, either a checked batch or every error out.</summary>
public static class RegistryImportParser
{
    public static (RegistryBatch Batch, IReadOnlyList<ImportError> Errors) Parse(
        IReadOnlyList<ImportFile> files, RegistrySnapshot stored, int currentYear)
    {
        var batch = new RegistryBatch();
        var errors = new List<ImportError>();
        if (files.Count == 0) errors.Add(new ImportError("", 0, "", "No files to import."));
        foreach (var file in files)
        {
            var extension = Path.GetExtension(file.Name).ToLowerInvariant();
            var kind = Path.GetFileNameWithoutExtension(file.Name).ToLowerInvariant();
            if (kind == "community") kind = "communities";
            if (extension == ".json") JsonRegistryReader.Read(file, batch, errors);
            else if (extension == ".csv" && CsvColumns.ByFile.ContainsKey(kind)) CsvRegistryReader.Read(kind, file, batch, errors);
            else
                errors.Add(new ImportError(file.Name, 0, "",
                    $"Unknown file; send {string.Join(", ", CsvColumns.ByFile.Keys.Select(k => k + ".csv"))} or a .json file."));
        }
        RegistryValidator.Validate(batch, stored, currentYear, errors);
        // One reason per field: a value that could not be read is not also reported as out of range.
        return (batch, errors.DistinctBy(e => (e.File, e.Row, e.Field)).ToList());
    }
}
