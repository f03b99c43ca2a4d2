using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage;

public sealed class TableEntityTests
{
    [Fact]
    public void A_property_of_a_type_the_service_cannot_store_is_refused_where_it_is_set()
    {
        var entity = new TableEntity("tenant", "row");

        Assert.Contains("DateTimeOffset", Assert.Throws<ArgumentException>(() => entity["Seen"] = DateTime.UtcNow).Message);
        Assert.Contains("Decimal", Assert.Throws<ArgumentException>(() => entity["Amount"] = 1.5m).Message);
        Assert.Throws<ArgumentNullException>(() => entity["Nothing"] = null!);
    }

    [Theory]
    [InlineData("PartitionKey")]
    [InlineData("RowKey")]
    [InlineData("Timestamp")]
    [InlineData("odata.etag")]
    public void System_properties_are_not_part_of_the_property_bag(string name)
    {
        var entity = new TableEntity("tenant", "row");

        Assert.Throws<ArgumentException>(() => entity[name] = "value");
    }

    [Fact]
    public void Typed_getters_return_null_when_absent_and_refuse_another_type()
    {
        var entity = new TableEntity("tenant", "row") { ["Count"] = 3, ["Name"] = "admin" };

        Assert.Null(entity.GetString("Missing"));
        Assert.Null(entity.GetInt64("Missing"));
        Assert.Equal(3L, entity.GetInt64("Count"));
        Assert.Equal(3.0, entity.GetDouble("Count"));
        var error = Assert.Throws<InvalidOperationException>(() => entity.GetBoolean("Name"));
        Assert.Contains("'Name'", error.Message);
    }
}
