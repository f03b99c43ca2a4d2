namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>How message text is written to and read from the queue (values as in Azure.Storage.Queues).</summary>
public enum QueueMessageEncoding
{
    /// <summary>The text as is, XML-escaped on the wire.</summary>
    None = 0,

    /// <summary>Base64 of the text's UTF-8 bytes: what the Azure Functions queue trigger reads by default.</summary>
    Base64 = 1,
}
