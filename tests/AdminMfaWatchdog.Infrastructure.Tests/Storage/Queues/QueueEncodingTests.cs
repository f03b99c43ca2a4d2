using System.Text;
using AdminMfaWatchdog.Infrastructure.Storage.Queues;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueEncodingTests(AzuriteFixture azurite)
{
    private const string Text = "{\"tenantId\":\"contoso\",\"change\":\"groups/Zoë ✓ & <admins>\"}";
    private const int MaxEncodedBytes = 64 * 1024;

    private static readonly TimeSpan Hidden = TimeSpan.FromMinutes(5);

    [Fact]
    public void Base64_is_the_default_because_the_Functions_queue_trigger_reads_base64() =>
        Assert.Equal(QueueMessageEncoding.Base64, new QueueClientOptions().MessageEncoding);

    [Fact]
    public async Task A_base64_message_is_stored_as_base64_of_its_UTF8_bytes_as_the_Functions_trigger_expects()
    {
        var writer = await azurite.CreateQueueAsync();
        var raw = RawReaderOf(writer);

        await writer.SendMessageAsync(Text);

        var stored = Assert.Single(await raw.PeekMessagesAsync(1)).MessageText;
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(Text)), stored);
        Assert.Equal(Text, Assert.Single(await writer.ReceiveMessagesAsync(1, Hidden)).MessageText);
    }

    [Fact]
    public async Task A_message_without_encoding_is_stored_as_its_text()
    {
        var writer = await azurite.CreateQueueAsync(Options(QueueMessageEncoding.None));

        await writer.SendMessageAsync(Text);

        Assert.Equal(Text, Assert.Single(await writer.PeekMessagesAsync(1)).MessageText);
    }

    [Fact]
    public async Task Reading_plain_text_as_base64_fails_naming_the_message_and_not_its_text()
    {
        var plainWriter = await azurite.CreateQueueAsync(Options(QueueMessageEncoding.None));
        var base64Reader = new QueueServiceClient(azurite.ConnectionString, AzuriteFixture.FastRetries(new QueueClientOptions()))
            .GetQueueClient(plainWriter.Name);
        var sent = await plainWriter.SendMessageAsync("not base64: tenant contoso!");

        var error = await Assert.ThrowsAsync<FormatException>(() => base64Reader.PeekMessagesAsync(1));

        Assert.Contains(sent.MessageId, error.Message);
        Assert.Contains("MessageEncoding.None", error.Message);
        Assert.DoesNotContain("contoso", error.Message);
    }

    [Theory]
    [InlineData(QueueMessageEncoding.Base64, MaxEncodedBytes / 4 * 3)]
    [InlineData(QueueMessageEncoding.None, MaxEncodedBytes)]
    public async Task A_message_of_exactly_64_KiB_once_encoded_is_accepted(QueueMessageEncoding encoding, int textLength)
    {
        var queue = await azurite.CreateQueueAsync(Options(encoding));
        var text = new string('a', textLength);

        await queue.SendMessageAsync(text);

        Assert.Equal(text, Assert.Single(await queue.ReceiveMessagesAsync(1, Hidden)).MessageText);
    }

    [Theory]
    [InlineData(QueueMessageEncoding.Base64, MaxEncodedBytes / 4 * 3 + 1)]
    [InlineData(QueueMessageEncoding.None, MaxEncodedBytes + 1)]
    public async Task A_message_over_64_KiB_once_encoded_is_refused_before_sending(QueueMessageEncoding encoding, int textLength)
    {
        var queue = await azurite.CreateQueueAsync(Options(encoding));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('a', textLength)));

        Assert.Equal("messageText", error.ParamName);
        Assert.Contains("at most 65536", error.Message);
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Multi_byte_characters_count_by_their_UTF8_bytes()
    {
        var queue = await azurite.CreateQueueAsync(Options(QueueMessageEncoding.None));

        // 'ë' is two bytes in UTF-8: 32,769 of them are 65,538 bytes.
        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('ë', MaxEncodedBytes / 2 + 1)));
    }

    [Fact]
    public async Task Text_XML_cannot_carry_is_refused_without_encoding_and_carried_with_base64()
    {
        const string control = "tenant\0contoso";
        var plain = await azurite.CreateQueueAsync(Options(QueueMessageEncoding.None));
        var base64 = await azurite.CreateQueueAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => plain.SendMessageAsync(control));
        await base64.SendMessageAsync(control);

        Assert.Equal(control, Assert.Single(await base64.ReceiveMessagesAsync(1, Hidden)).MessageText);
    }

    // The same queue through a client that decodes nothing: what the REST API holds.
    private QueueClient RawReaderOf(QueueClient queue) =>
        new QueueServiceClient(azurite.ConnectionString, Options(QueueMessageEncoding.None)).GetQueueClient(queue.Name);

    private static QueueClientOptions Options(QueueMessageEncoding encoding) =>
        AzuriteFixture.FastRetries(new QueueClientOptions { MessageEncoding = encoding });
}
