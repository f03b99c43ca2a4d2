using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage;

public sealed class TableQueryFilterTests
{
    [Fact]
    public void String_values_are_quoted_with_inner_quotes_doubled()
    {
        var tenant = "O'Brien's tenant";

        Assert.Equal("PartitionKey eq 'O''Brien''s tenant'", TableClient.CreateQueryFilter($"PartitionKey eq {tenant}"));
    }

    [Fact]
    public void A_value_cannot_widen_the_filter()
    {
        var hostile = "x' or PartitionKey ne 'y";

        Assert.Equal("RowKey eq 'x'' or PartitionKey ne ''y'", TableClient.CreateQueryFilter($"RowKey eq {hostile}"));
    }

    [Fact]
    public void Each_type_becomes_its_odata_literal()
    {
        var when = new DateTimeOffset(2026, 11, 22, 7, 30, 0, TimeSpan.FromHours(2)).AddTicks(1234567);
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var filter = TableClient.CreateQueryFilter(
            $"A eq {42} and B eq {42L} and C eq {true} and D eq {2.0} and E eq {0.5} and F eq {when} and G eq {id} and H eq {new byte[] { 0xAB, 0x01 }}");

        Assert.Equal(
            "A eq 42 and B eq 42L and C eq true and D eq 2.0 and E eq 0.5 and F eq datetime'2026-11-22T05:30:00.1234567Z' "
            + "and G eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and H eq X'ab01'",
            filter);
    }

    [Fact]
    public void A_value_without_an_odata_literal_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"Amount eq {12.5m}"));

        Assert.Contains("Decimal", error.Message);
    }
}
