namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>A message seen without dequeuing it: it stays visible and gets no pop receipt.</summary>
public sealed record PeekedMessage(string MessageId, string MessageText, long DequeueCount, DateTimeOffset InsertedOn);
