using System.Net;
using DeliveryConsole.Web.Hosting.Security;
using Microsoft.Extensions.Time.Testing;

namespace DeliveryConsole.Web.Tests.Hosting.Security;

/// <summary>The lock-out rule on its own, on a fake clock: ten wrong keys in a minute lock one address out for a minute.</summary>
public sealed class KeyGuessLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly KeyGuessLimiter _limiter;
    private static readonly IPAddress Guesser = IPAddress.Parse("203.0.113.7");

    public KeyGuessLimiterTests() => _limiter = new KeyGuessLimiter(_clock);

    [Fact]
    public void Nine_wrong_keys_leave_the_address_free_and_the_tenth_locks_it_out_for_a_minute()
    {
        Fail(KeyGuessLimiter.MaxFailures - 1);
        Assert.Null(_limiter.RetryAfter(Guesser));

        Fail(1);

        Assert.Equal(KeyGuessLimiter.LockOut, _limiter.RetryAfter(Guesser));
        _clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(TimeSpan.FromSeconds(15), _limiter.RetryAfter(Guesser));
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Null(_limiter.RetryAfter(Guesser));
    }

    [Fact]
    public void Wrong_keys_spread_over_more_than_the_window_never_lock_out()
    {
        for (var i = 0; i < 3 * KeyGuessLimiter.MaxFailures; i++)
        {
            Fail(1);
            _clock.Advance(KeyGuessLimiter.Window / (KeyGuessLimiter.MaxFailures - 2));
        }

        Assert.Null(_limiter.RetryAfter(Guesser));
    }

    [Fact]
    public void Another_address_is_not_locked_out_with_the_guesser()
    {
        Fail(KeyGuessLimiter.MaxFailures);

        Assert.NotNull(_limiter.RetryAfter(Guesser));
        Assert.Null(_limiter.RetryAfter(IPAddress.Parse("198.51.100.1")));
        Assert.Null(_limiter.RetryAfter(null));
    }

    [Fact]
    public void A_flood_from_many_addresses_keeps_the_lock_outs_in_force()
    {
        Fail(KeyGuessLimiter.MaxFailures);
        for (var i = 0; i < 20_000; i++)
            _limiter.Failed(new IPAddress(BitConverter.GetBytes(0x0A000000 + i)));

        Assert.NotNull(_limiter.RetryAfter(Guesser));
    }

    [Fact]
    public void The_message_says_when_to_try_again_in_whole_seconds() =>
        Assert.Equal("Too many wrong access keys from this address; try again in 13 s.", KeyGuessLimiter.Message(TimeSpan.FromSeconds(12.2)));

    private void Fail(int times)
    {
        for (var i = 0; i < times; i++)
            _limiter.Failed(Guesser);
    }
}
