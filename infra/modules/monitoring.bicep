// Log Analytics and workspace-based Application Insights: where the Functions host and the
// watchdog's logs go. Logs never carry secrets (DESIGN.md "Guardrails").

param location string
param workspaceName string
param applicationInsightsName string

@description('Days Log Analytics keeps the logs.')
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

output connectionString string = applicationInsights.properties.ConnectionString
