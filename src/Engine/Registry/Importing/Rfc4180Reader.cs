using System.Text;

namespace Cerebellum.Engine.Registry.Importing;

/// <summary>A small RFC 4180 CSV reader: comma-separated, fields optionally in double quotes, a doubled quote
/// inside quotes is a quote, quoted fields may hold commas and line breaks. Accepts CRLF, LF or CR line ends and
/// a leading UTF-8 byte-order mark (what spreadsheets write). Blank lines are skipped.</summary>
public static class Rfc4180Reader
{
    /// <summary>A record and its 1-based record number (the header is record 1).</summary>
    public sealed record CsvRecord(int Row, IReadOnlyList<string> Fields);

    public sealed record CsvReadResult(IReadOnlyList<CsvRecord> Records, int ErrorRow, string? Error);

    public static CsvReadResult Read(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var row = 1;
        var fieldWasQuoted = false;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            // A blank line is one empty, unquoted field: skip it rather than count it as a record.
            if (!(fields.Count == 1 && fields[0] == "" && !fieldWasQuoted)) records.Add(new CsvRecord(row++, fields.ToArray()));
            fields.Clear();
            fieldWasQuoted = false;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0 && !fieldWasQuoted)
            {
                fieldWasQuoted = true;
                i++;
                while (true)
                {
                    if (i >= text.Length) return new CsvReadResult(records, row, "A quoted field is not closed.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    return new CsvReadResult(records, row, "Text follows a closing quote; double a quote inside quotes (\"\").");
                continue;
            }
            if (c == '"')
                return new CsvReadResult(records, row, "A quote inside an unquoted field; put the field in quotes and double the quote.");
            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldWasQuoted = false;
                i++;
                continue;
            }
            if (c is '\r' or '\n')
            {
                EndRecord();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            field.Append(c);
            i++;
        }
        if (field.Length > 0 || fields.Count > 0 || fieldWasQuoted) EndRecord();
        return new CsvReadResult(records, 0, null);
    }
}
