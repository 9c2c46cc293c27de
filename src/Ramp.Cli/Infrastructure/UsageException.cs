// The error for bad command-line input: the command prints its one-line message and exits with code 2.
namespace Ramp.Cli.Infrastructure;

/// <summary>Bad input on the command line: one line naming the argument, the bad value and what is allowed.</summary>
public sealed class UsageException : ArgumentException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">One line: the argument or position, the bad value, what is allowed.</param>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a generic message.</summary>
    public UsageException()
        : this("bad command-line input")
    {
    }

    /// <summary>Creates the error with an inner exception.</summary>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Bad input reported by a library as an <see cref="ArgumentException"/>: its first line, without .NET's
    /// "(Parameter 'x')" suffix, after <paramref name="prefix"/>.
    /// </summary>
    public static UsageException From(ArgumentException error, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(error);
        return new UsageException(prefix + Describe(error), error);
    }

    /// <summary>The first line of <paramref name="error"/>'s message without .NET's "(Parameter 'x')" suffix.</summary>
    public static string Describe(ArgumentException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message.Split('\n')[0].TrimEnd();
        var suffix = $" (Parameter '{error.ParamName}')";
        return error.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }
}
