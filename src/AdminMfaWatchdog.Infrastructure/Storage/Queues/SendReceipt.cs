namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>What the service says about a message it accepted.</summary>
public sealed record SendReceipt(string MessageId, string PopReceipt, DateTimeOffset InsertedOn);
