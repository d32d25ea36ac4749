package org.salespipeline.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The demo's command line: {@code demo} (the default), {@code import}, {@code board}, {@code
 * forecast} and {@code report}. Run without arguments it runs the demo.
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
