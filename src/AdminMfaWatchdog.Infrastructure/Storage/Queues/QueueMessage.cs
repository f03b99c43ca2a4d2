namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>A received message: hidden until <paramref name="NextVisibleOn"/>; delete or update it with <paramref name="PopReceipt"/>.</summary>
public sealed record QueueMessage(
    string MessageId, string PopReceipt, string MessageText, long DequeueCount, DateTimeOffset InsertedOn, DateTimeOffset NextVisibleOn);
