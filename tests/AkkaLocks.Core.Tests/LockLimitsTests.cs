namespace AkkaLocks.Core.Tests;

public class LockLimitsTests
{
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    [Fact]
    public void Ttl_limits_are_100_ms_and_30_days()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(100), LockLimits.MinTtl);
        Assert.Equal(TimeSpan.FromDays(30), LockLimits.MaxTtl);
        Assert.Equal(64 * 1024, LockLimits.MaxDataBytes);
    }

    [Fact]
    public void Missing_ttl_means_held_until_released_and_is_accepted()
    {
        Assert.Null(LockLimits.CheckTtl(null));
    }

    public static TheoryData<TimeSpan> TtlsInRange => new()
    {
        TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(100) + OneTick,
        TimeSpan.FromSeconds(30),
        TimeSpan.FromDays(30) - OneTick,
        TimeSpan.FromDays(30),
    };

    public static TheoryData<TimeSpan> TtlsOutOfRange => new()
    {
        TimeSpan.Zero,
        TimeSpan.FromMilliseconds(-500),
        TimeSpan.FromMilliseconds(99),
        TimeSpan.FromMilliseconds(100) - OneTick,
        TimeSpan.FromDays(30) + OneTick,
        TimeSpan.FromDays(31),
        TimeSpan.MaxValue,
        TimeSpan.MinValue,
    };

    [Theory]
    [MemberData(nameof(TtlsInRange))]
    public void Ttl_from_100_ms_to_30_days_inclusive_is_accepted(TimeSpan ttl)
    {
        Assert.Null(LockLimits.CheckTtl(ttl));
    }

    [Theory]
    [MemberData(nameof(TtlsOutOfRange))]
    public void Ttl_outside_100_ms_to_30_days_is_rejected_with_the_range(TimeSpan ttl)
    {
        var error = LockLimits.CheckTtl(ttl);

        Assert.Equal(LockLimits.TtlRangeMessage, error);
        Assert.Contains("100 ms", error);
        Assert.Contains("30 days", error);
    }

    [Fact]
    public void Missing_or_empty_data_is_accepted()
    {
        Assert.Null(LockLimits.CheckData(null));
        Assert.Null(LockLimits.CheckData(""));
    }

    [Fact]
    public void Ascii_data_of_exactly_64_KiB_is_accepted_and_one_byte_more_is_not()
    {
        Assert.Null(LockLimits.CheckData(new string('a', 65536)));
        Assert.Contains("64 KiB", LockLimits.CheckData(new string('a', 65537)));
    }

    [Fact]
    public void Data_is_measured_in_utf8_bytes_not_characters()
    {
        // 'é' is 2 bytes in UTF-8: 32768 of them are exactly 64 KiB, in half as many characters.
        var exactlyAtLimit = new string('é', 32768);
        Assert.Null(LockLimits.CheckData(exactlyAtLimit));
        Assert.NotNull(LockLimits.CheckData(exactlyAtLimit + "a"));

        // Far fewer characters than 65536, yet more bytes than allowed.
        var fewCharsManyBytes = new string('é', 40000);
        Assert.True(fewCharsManyBytes.Length < LockLimits.MaxDataBytes);
        Assert.NotNull(LockLimits.CheckData(fewCharsManyBytes));
    }

    [Fact]
    public void Three_byte_characters_near_the_limit_are_counted_exactly()
    {
        // '€' is 3 bytes: 21845 * 3 = 65535, plus one ASCII byte = 65536.
        Assert.Null(LockLimits.CheckData(new string('€', 21845) + "a"));
        Assert.NotNull(LockLimits.CheckData(new string('€', 21845) + "ab"));
        Assert.NotNull(LockLimits.CheckData(new string('€', 21846)));
    }

    [Fact]
    public void Surrogate_pairs_count_as_four_bytes()
    {
        // U+1F512 (lock emoji) is two UTF-16 chars and 4 UTF-8 bytes: 16384 of them are exactly 64 KiB.
        var atLimit = string.Concat(Enumerable.Repeat("\U0001F512", 16384));
        Assert.Null(LockLimits.CheckData(atLimit));
        Assert.NotNull(LockLimits.CheckData(atLimit + "a"));
    }
}
