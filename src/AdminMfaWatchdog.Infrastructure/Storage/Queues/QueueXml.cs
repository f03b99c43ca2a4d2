using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>The Queue service's XML: the message body it takes and the <c>QueueMessagesList</c> it returns.</summary>
internal static class QueueXml
{
    // No DTDs: a storage response never has one, and refusing them rules out entity expansion.
    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    // Entitize keeps '\r' (which XML parsers would otherwise normalise away) so text round-trips exactly.
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        OmitXmlDeclaration = true, Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary><c>&lt;QueueMessage&gt;&lt;MessageText&gt;…&lt;/MessageText&gt;&lt;/QueueMessage&gt;</c> in UTF-8.</summary>
    /// <exception cref="ArgumentException"><paramref name="messageText"/> holds a character XML cannot carry.</exception>
    public static byte[] MessageBody(string messageText)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            new XElement("QueueMessage", new XElement("MessageText", messageText)).WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>The <c>QueueMessage</c> elements of a <c>QueueMessagesList</c> response.</summary>
    public static IEnumerable<XElement> Messages(BinaryData content)
    {
        var document = Load(content);
        return document.Root?.Name.LocalName == "QueueMessagesList"
            ? document.Root.Elements("QueueMessage")
            : throw new InvalidDataException("The queue service answered without a QueueMessagesList.");
    }

    public static XDocument Load(BinaryData content)
    {
        using var reader = XmlReader.Create(content.ToStream(), ReaderSettings);
        // Whitespace is message text too: a text of spaces must not come back empty.
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    public static string Text(XElement message, string name) =>
        message.Element(name)?.Value ?? throw new InvalidDataException($"The queue service sent a message without {name}.");

    public static long Number(XElement message, string name) => long.Parse(Text(message, name), CultureInfo.InvariantCulture);

    /// <summary>A date in RFC 1123 form ("Sun, 06 Nov 1994 08:49:37 GMT"), as the service sends them.</summary>
    public static DateTimeOffset Date(XElement message, string name) => Rfc1123(Text(message, name));

    public static DateTimeOffset Rfc1123(string value) =>
        DateTimeOffset.ParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
