using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage;

public sealed class TableConnectionStringTests
{
    private const string Setting = "Storage:ConnectionString";
    private const string SecretKey = "c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWxlYWs=";

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=watchdog;EndpointSuffix=core.windows.net", "AccountKey is missing")]
    [InlineData("AccountKey=" + SecretKey, "AccountName is missing")]
    [InlineData("this is not a connection string " + SecretKey, "expected Name=value pairs")]
    [InlineData("AccountName=watchdog;AccountKey=not*base64!" + SecretKey, "AccountKey is not valid base64")]
    [InlineData("AccountName=watchdog;SharedAccessSignature=sv=2019&sig=" + SecretKey, "shared access signatures are not supported")]
    [InlineData("AccountName=watchdog;AccountKey=" + SecretKey + ";TableEndpoint=ftp://" + SecretKey, "TableEndpoint is not an absolute http or https URI")]
    [InlineData("AccountName=watchdog;AccountKey=" + SecretKey + ";DefaultEndpointsProtocol=gopher", "DefaultEndpointsProtocol must be https or http")]
    [InlineData("UseDevelopmentStorage=" + SecretKey, "UseDevelopmentStorage must be 'true'")]
    [InlineData("   ", "it is empty")]
    public void A_malformed_connection_string_names_the_setting_and_the_problem_without_echoing_it(string connectionString, string problem)
    {
        var error = Assert.Throws<InvalidConnectionStringException>(() => TableConnectionString.Parse(connectionString, Setting));

        Assert.Equal(Setting, error.SettingName);
        Assert.StartsWith($"'{Setting}' is not a usable Azure Storage connection string: ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain(SecretKey, error.Message);
        Assert.DoesNotContain("not*base64", error.Message);
    }

    [Fact]
    public void A_connection_string_passed_to_the_client_is_checked_under_the_parameter_name()
    {
        var error = Assert.Throws<InvalidConnectionStringException>(() => new TableServiceClient("AccountName=watchdog"));

        Assert.Equal("connectionString", error.SettingName);
        Assert.Contains("AccountKey is missing", error.Message);
    }

    [Fact]
    public void Development_storage_is_azurites_well_known_account_on_the_default_port()
    {
        var parsed = TableConnectionString.Parse("UseDevelopmentStorage=true", Setting);

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal("devstoreaccount1", parsed.Credential.AccountName);
    }

    [Fact]
    public void The_table_endpoint_is_derived_from_the_account_protocol_and_suffix()
    {
        var parsed = TableConnectionString.Parse(
            $"DefaultEndpointsProtocol=https;AccountName=watchdog;AccountKey={SecretKey};EndpointSuffix=core.chinacloudapi.cn", Setting);

        Assert.Equal(new Uri("https://watchdog.table.core.chinacloudapi.cn"), parsed.TableEndpoint);
        Assert.Equal("watchdog", parsed.Credential.AccountName);
    }

    [Fact]
    public void An_explicit_table_endpoint_wins_and_setting_names_are_case_insensitive()
    {
        var parsed = TableConnectionString.Parse(
            $"accountname=devstoreaccount1; ACCOUNTKEY={SecretKey}; tableendpoint=http://127.0.0.1:31000/devstoreaccount1;", Setting);

        Assert.Equal(new Uri("http://127.0.0.1:31000/devstoreaccount1"), parsed.TableEndpoint);
    }

    [Fact]
    public void A_credential_with_a_bad_key_does_not_quote_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new TableSharedKeyCredential("watchdog", "%%" + SecretKey));

        Assert.DoesNotContain(SecretKey, error.Message);
    }
}
