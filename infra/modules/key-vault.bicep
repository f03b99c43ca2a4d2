// Key Vault in RBAC mode for the watchdog's secrets: the Teams and webhook alert URLs (they carry a
// signature) and the client state Graph echoes in every change notification. The app reads them
// through Key Vault references, so they never appear in app settings or in deployment outputs.

param location string
param keyVaultName string

@secure()
param notificationClientState string

@secure()
@description('Empty: no secret, the Teams channel stays off.')
param teamsWebhookUrl string = ''

@secure()
@description('Empty: no secret, the JSON webhook channel stays off.')
param webhookUrl string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Once on, purge protection cannot be turned off: a deleted secret stays recoverable for 90 days.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource clientState 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'notifications-client-state'
  properties: { value: notificationClientState }
}

resource teams 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(teamsWebhookUrl)) {
  parent: vault
  name: 'alerts-teams-webhook-url'
  properties: { value: teamsWebhookUrl }
}

resource webhook 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(webhookUrl)) {
  parent: vault
  name: 'alerts-webhook-url'
  properties: { value: webhookUrl }
}

output name string = vault.name
// Versionless secret URIs: the app picks up a rotated secret without a redeployment.
output clientStateUri string = clientState.properties.secretUri
output teamsWebhookUri string = empty(teamsWebhookUrl) ? '' : teams.properties.secretUri
output webhookUri string = empty(webhookUrl) ? '' : webhook.properties.secretUri
