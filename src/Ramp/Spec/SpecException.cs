// The one error type of the spec language: a one-line message that names where and what went wrong.
namespace Ramp;

/// <summary>A spec that cannot be parsed or bound; the message is one line and names the position or parameter.</summary>
public sealed class SpecException : ArgumentException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What is wrong and what is allowed, in one line.</param>
    /// <param name="position">Character offset in the spec text, or -1 when unknown.</param>
    public SpecException(string message, int position = -1)
        : base(position >= 0 ? $"at {position}: {message}" : message)
    {
        Position = position;
    }

    /// <summary>Creates the error without a position.</summary>
    public SpecException()
        : this("invalid schedule spec")
    {
    }

    /// <summary>Creates the error with an inner exception.</summary>
    public SpecException(string message, Exception innerException)
        : base(message, innerException)
    {
        Position = -1;
    }

    /// <summary>Character offset in the spec text, or -1 when unknown.</summary>
    public int Position { get; }

    /// <summary>The message alone, without the stack trace that <see cref="Exception.ToString"/> adds.</summary>
    public override string ToString() => Message;
}
