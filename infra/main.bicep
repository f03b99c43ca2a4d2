// AdminMfaWatchdog in one resource group: a Function App on Flex Consumption with a system-assigned
// managed identity, its storage (identity-only), Key Vault for its secrets, and Application Insights.
// Deploy: docs/operations.md. Every app setting below is a setting of docs/configuration.md, written
// with "__" for ":" (a test checks the names against that page).

targetScope = 'resourceGroup'

// ---- names and place ----

@minLength(3)
@maxLength(10)
@description('Lower-case letters and digits that start every resource name.')
param namePrefix string = 'mfawd'

param location string = resourceGroup().location

// ---- the watchdog ----

@description('NCRONTAB (six fields, seconds first) of the timer scan.')
param scanSchedule string = '0 */15 * * * *'

@description('The tenant to watch; the managed identity lives in it.')
param tenantId string = tenant().tenantId

@description('recommended (Microsoft\'s 15 admin roles) or allPrivileged.')
@allowed(['recommended', 'allPrivileged'])
param privilegedRoles string = 'recommended'

@description('Policy ids to guard; empty: every policy that requires MFA and targets admin roles or All users.')
param watchedPolicyIds array = []

@description('Break-glass accounts (object ids or UPNs): never covered by a watched policy, never locked out.')
param breakGlassAccounts array = []

@description('The group every watched policy excludes for service accounts; empty: no service-account rules.')
param exclusionGroupId string = ''

param serviceAccountUserPrincipalNamePatterns array = []
param serviceAccountEmployeeTypes array = []
param serviceAccountIds array = []

@description('The mode of every rule not named in remediationRules.')
@allowed(['alert', 'remediate', 'off'])
param remediationDefault string = 'alert'

@description('Rule id -> alert | remediate | off, e.g. {"policy-not-enabled": "remediate"}.')
param remediationRules object = {}

@minValue(0)
@maxValue(100)
param maxActionsPerRun int = 5

// ---- alerts ----

@allowed(['critical', 'high', 'medium', 'low'])
param alertsMinimumSeverity string = 'medium'

param alertsDailyDigest bool = false

@secure()
@description('Teams Workflows webhook URL; empty: no Teams alerts. Kept in Key Vault.')
param teamsWebhookUrl string = ''

@secure()
@description('JSON webhook URL; empty: no webhook alerts. Kept in Key Vault.')
param webhookUrl string = ''

@description('Mailbox (id or UPN) that sends alert email; empty: no email alerts. Needs Mail.Send.')
param emailSender string = ''

param emailRecipients array = []

// ---- change notifications ----

@secure()
@minLength(32)
@maxLength(128)
@description('The secret Graph echoes in every change notification (Graph allows up to 128 characters). Kept in Key Vault.')
param notificationClientState string

@description('https base of the notification URLs; empty: the Function App\'s own azurewebsites.net host name.')
param notificationsPublicBaseUrl string = ''

// ---- scale ----

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

var suffix = uniqueString(resourceGroup().id)
var names = {
  storage: take('${namePrefix}${suffix}', 24)
  keyVault: take('${namePrefix}-kv-${suffix}', 24)
  workspace: '${namePrefix}-logs-${suffix}'
  applicationInsights: '${namePrefix}-appi-${suffix}'
  plan: '${namePrefix}-plan-${suffix}'
  functionApp: '${namePrefix}-func-${suffix}'
  deploymentContainer: 'app-package'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    applicationInsightsName: names.applicationInsights
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    storageAccountName: names.storage
    deploymentContainerName: names.deploymentContainer
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    keyVaultName: names.keyVault
    notificationClientState: notificationClientState
    teamsWebhookUrl: teamsWebhookUrl
    webhookUrl: webhookUrl
  }
}

// The Functions runtime's own settings (identity-based AzureWebJobsStorage, telemetry). Flex
// Consumption takes the worker runtime and version from functionAppConfig, not from app settings.
var runtimeSettings = [
  { name: 'AzureWebJobsStorage__accountName', value: storage.outputs.name }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: monitoring.outputs.connectionString }
]

var watchdogSettings = [
  { name: 'Graph__TenantId', value: tenantId }
  { name: 'Storage__TableServiceUri', value: storage.outputs.tableEndpoint }
  { name: 'Storage__QueueServiceUri', value: storage.outputs.queueEndpoint }
  { name: 'Watchdog__ScanSchedule', value: scanSchedule }
  { name: 'Watchdog__PrivilegedRoles', value: privilegedRoles }
  { name: 'Watchdog__Remediation__Default', value: remediationDefault }
  { name: 'Watchdog__Remediation__MaxActionsPerRun', value: string(maxActionsPerRun) }
  { name: 'Alerts__MinimumSeverity', value: alertsMinimumSeverity }
  { name: 'Alerts__DailyDigest', value: string(alertsDailyDigest) }
  { name: 'Notifications__ClientState', value: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.clientStateUri})' }
  {
    name: 'Notifications__PublicBaseUrl'
    value: empty(notificationsPublicBaseUrl) ? 'https://${names.functionApp}.azurewebsites.net' : notificationsPublicBaseUrl
  }
]

var exclusionGroupSettings = empty(exclusionGroupId) ? [] : [
  { name: 'Watchdog__ServiceAccounts__ExclusionGroupId', value: exclusionGroupId }
]
var teamsSettings = empty(teamsWebhookUrl) ? [] : [
  { name: 'Alerts__Teams__WebhookUrl', value: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.teamsWebhookUri})' }
]
var webhookSettings = empty(webhookUrl) ? [] : [
  { name: 'Alerts__Webhook__Url', value: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.webhookUri})' }
]
var emailSenderSettings = empty(emailSender) ? [] : [
  { name: 'Alerts__Email__Sender', value: emailSender }
]

// Lists are one setting per element, indexed, as .NET configuration reads arrays from the environment.
var watchedPolicySettings = [for (id, i) in watchedPolicyIds: { name: 'Watchdog__WatchedPolicyIds__${i}', value: id }]
var breakGlassSettings = [for (account, i) in breakGlassAccounts: { name: 'Watchdog__BreakGlassAccounts__${i}', value: account }]
var upnPatternSettings = [for (pattern, i) in serviceAccountUserPrincipalNamePatterns: {
  name: 'Watchdog__ServiceAccounts__UserPrincipalNamePatterns__${i}'
  value: pattern
}]
var employeeTypeSettings = [for (type, i) in serviceAccountEmployeeTypes: { name: 'Watchdog__ServiceAccounts__EmployeeTypes__${i}', value: type }]
var serviceAccountIdSettings = [for (id, i) in serviceAccountIds: { name: 'Watchdog__ServiceAccounts__Ids__${i}', value: id }]
var recipientSettings = [for (recipient, i) in emailRecipients: { name: 'Alerts__Email__Recipients__${i}', value: recipient }]
// App setting names cannot contain '-': rule ids are written with '_', which the settings reader accepts.
var ruleSettings = [for rule in items(remediationRules): {
  name: 'Watchdog__Remediation__Rules__${replace(rule.key, '-', '_')}'
  value: rule.value
}]

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    location: location
    planName: names.plan
    functionAppName: names.functionApp
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    appSettings: flatten([
      runtimeSettings
      watchdogSettings
      exclusionGroupSettings
      teamsSettings
      webhookSettings
      emailSenderSettings
      watchedPolicySettings
      breakGlassSettings
      upnPatternSettings
      employeeTypeSettings
      serviceAccountIdSettings
      recipientSettings
      ruleSettings
    ])
  }
}

module access 'modules/access.bicep' = {
  name: 'access'
  params: {
    principalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.defaultHostName
@description('Pass it to infra/grant-graph-permissions.sh.')
output principalId string = functionApp.outputs.principalId
output keyVaultName string = keyVault.outputs.name
output storageAccountName string = storage.outputs.name
