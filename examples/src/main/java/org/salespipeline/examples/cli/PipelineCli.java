package org.salespipeline.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The demo's command line: {@code demo} (the default), {@code import} (optionally into an H2 file),
 * {@code board}, {@code forecast} and {@code backtest} (over an imported H2 file) and {@code
 * report}. Run without arguments it runs the demo.
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    version = "Sales Pipeline SDK demo 0.1.0",
    description = "Runs the Sales Pipeline SDK demo and its tools. Without a command: demo.",
    subcommands = {
      DemoCommand.class,
      ImportCommand.class,
      BoardCommand.class,
      ForecastCommand.class,
      BacktestCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PipelineCli implements Callable<Integer> {

  @Override
  public Integer call() {
    return new CommandLine(new DemoCommand()).execute();
  }

  /**
   * The command line, with errors in commands printed as one clear line rather than a stack trace.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new PipelineCli());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          err.println("error: " + e.getMessage());
          err.flush();
          return e instanceof UserInputException ? 2 : 1;
        });
    // why: one line naming what to fix, not the whole usage text; exit code 2 as picocli's own
    cli.setParameterExceptionHandler(
        (e, args) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println(
              "error: "
                  + e.getMessage()
                  + " (see '"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help')");
          err.flush();
          return 2;
        });
    return cli;
  }

  /** Runs the command line; exits the JVM only on failure, so it runs inside Maven too. */
  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
