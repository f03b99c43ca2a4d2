namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// Table service error codes found in <see cref="Azure.RequestFailedException.ErrorCode"/> that callers
/// act on. Not exhaustive: the service defines many more.
/// </summary>
public static class TableErrorCode
{
    public const string ResourceNotFound = nameof(ResourceNotFound);
    public const string TableNotFound = nameof(TableNotFound);
    public const string TableAlreadyExists = nameof(TableAlreadyExists);
    public const string EntityAlreadyExists = nameof(EntityAlreadyExists);
    public const string UpdateConditionNotSatisfied = nameof(UpdateConditionNotSatisfied);
    public const string AuthenticationFailed = nameof(AuthenticationFailed);
    public const string AuthorizationFailure = nameof(AuthorizationFailure);
}
