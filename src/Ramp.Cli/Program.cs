// Entry point of the `ramp` command.
return Ramp.Cli.CommandLine.Run(args);
