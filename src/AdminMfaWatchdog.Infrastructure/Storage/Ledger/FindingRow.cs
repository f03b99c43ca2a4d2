using System.Text.Encodings.Web;
using System.Text.Json;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure;

namespace AdminMfaWatchdog.Infrastructure.Storage.Ledger;

/// <summary>
/// A WatchdogFindings row: PartitionKey tenant id, RowKey fingerprint; enums as lower-case strings,
/// Reasons as a JSON array string; PolicyId and ResolvedAt absent when null (the service stores no nulls).
/// The row's ETag travels as the entry's <see cref="LedgerEntry.Version"/>.
/// </summary>
internal static class FindingRow
{
    public const string Status = nameof(Status);
    private const string RuleId = nameof(RuleId);
    private const string Severity = nameof(Severity);
    private const string SubjectType = nameof(SubjectType);
    private const string SubjectId = nameof(SubjectId);
    private const string SubjectName = nameof(SubjectName);
    private const string PolicyId = nameof(PolicyId);
    private const string Summary = nameof(Summary);
    private const string Reasons = nameof(Reasons);
    private const string FirstSeen = nameof(FirstSeen);
    private const string LastSeen = nameof(LastSeen);
    private const string ResolvedAt = nameof(ResolvedAt);
    private const string Occurrences = nameof(Occurrences);
    private const string LastScanId = nameof(LastScanId);

    // Reasons are read by people in storage tools: keep quotes and non-ASCII letters as they are.
    private static readonly JsonSerializerOptions ReasonsJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string StatusValue(FindingStatus status) => status.ToString().ToLowerInvariant();

    public static TableEntity ToEntity(string tenantId, LedgerEntry entry)
    {
        var finding = entry.Finding;
        var entity = new TableEntity(tenantId, LedgerKeys.Require(entry.Fingerprint, nameof(entry.Fingerprint)))
        {
            [RuleId] = finding.RuleId,
            [Severity] = finding.Severity.ToString().ToLowerInvariant(),
            [SubjectType] = finding.SubjectType.ToString().ToLowerInvariant(),
            [SubjectId] = finding.SubjectId,
            [SubjectName] = finding.SubjectName,
            [Summary] = finding.Summary,
            [Reasons] = JsonSerializer.Serialize(finding.Reasons, ReasonsJson),
            [Status] = StatusValue(entry.Status),
            [FirstSeen] = entry.FirstSeen,
            [LastSeen] = entry.LastSeen,
            [Occurrences] = entry.Occurrences,
            [LastScanId] = entry.LastScanId,
        };
        if (finding.PolicyId is not null)
        {
            entity[PolicyId] = finding.PolicyId;
        }

        if (entry.ResolvedAt is { } resolvedAt)
        {
            entity[ResolvedAt] = resolvedAt;
        }

        return entity;
    }

    /// <exception cref="FindingStoreException">The row lacks a property or holds a value no ledger entry has.</exception>
    public static LedgerEntry ToEntry(TableEntity entity, string tableName)
    {
        try
        {
            var finding = new Finding(
                Required(entity.GetString(RuleId), RuleId),
                ParseEnum<Severity>(entity.GetString(Severity), Severity),
                ParseEnum<SubjectType>(entity.GetString(SubjectType), SubjectType),
                Required(entity.GetString(SubjectId), SubjectId),
                Required(entity.GetString(SubjectName), SubjectName),
                entity.GetString(PolicyId),
                Required(entity.GetString(Summary), Summary),
                JsonSerializer.Deserialize<List<string>>(Required(entity.GetString(Reasons), Reasons)) ?? [],
                entity.RowKey);
            return new LedgerEntry(
                finding,
                ParseEnum<FindingStatus>(entity.GetString(Status), Status),
                Required(entity.GetDateTimeOffset(FirstSeen), FirstSeen),
                Required(entity.GetDateTimeOffset(LastSeen), LastSeen),
                entity.GetDateTimeOffset(ResolvedAt),
                Required(entity.GetInt32(Occurrences), Occurrences),
                Required(entity.GetString(LastScanId), LastScanId))
            {
                Version = entity.ETag == default ? null : entity.ETag.ToString(),
            };
        }
        catch (Exception problem) when (problem is FormatException or InvalidOperationException or JsonException)
        {
            throw new FindingStoreException(
                $"Row '{entity.RowKey}' of tenant '{entity.PartitionKey}' in table {tableName} is not a ledger row: {problem.Message}", problem);
        }
    }

    private static T Required<T>(T? value, string name) where T : class =>
        value ?? throw new FormatException($"{name} is missing.");

    private static T Required<T>(T? value, string name) where T : struct =>
        value ?? throw new FormatException($"{name} is missing.");

    private static T ParseEnum<T>(string? value, string name) where T : struct, Enum =>
        Enum.TryParse<T>(Required(value, name), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new FormatException($"{name} '{value}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");

    /// <summary>The version to write against: the ETag the entry was read with.</summary>
    public static ETag VersionOf(LedgerEntry entry) => new(entry.Version!);
}
