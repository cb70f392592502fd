using System.Text;
using System.Xml;
using ReportArchive.Output;

namespace ReportArchive.Publish;

/// <summary>Writes an XML file the same way every time: UTF-8 without a byte order mark, indented, '\n' line ends.</summary>
public static class Xml
{
    public static OutputFile Write(string path, Action<XmlWriter> write)
    {
        var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = " ", NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return new OutputFile(path, stream.ToArray());
    }
}
