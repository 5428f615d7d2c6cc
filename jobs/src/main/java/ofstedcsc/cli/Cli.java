package ofstedcsc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import ofstedcsc.ingest.StructuralError;
import ofstedcsc.refresh.RefreshLock;
import org.apache.spark.sql.SparkSession;

/** A command line of verbs: finds the verb's command, has it read its options, runs it, maps failures to exit codes. */
public final class Cli {
  /** The pipeline's own verbs; the tools module adds generate, calibrate and bench to these. */
  public static final List<Command> PIPELINE = List.of(new RunCommand("run"), new RefreshCommand(),
      new StatusCommand(), new CheckCommand(), new RunCommand("ingest"), new RunCommand("aggregate"),
      new ReportCommand(), new ExportCommand(), new DictionaryCommand(), new FetchCommand());

  private final List<Command> commands;

  public Cli(List<Command> commands) {
    this.commands = commands;
  }

  /** Runs a command line and returns its exit code, starting Spark only if the command needs it. */
  public int execute(String... args) {
    return execute(null, args);
  }

  /** The same with a session of the caller's (tests), whatever --master the command line gives. */
  public int execute(SparkSession given, String... args) {
    if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
      System.out.println(help());
      return ExitCode.OK;
    }
    Command command = commands.stream().filter(c -> c.verb().equals(args[0])).findFirst().orElse(null);
    if (command == null) {
      return usage("unknown command: " + args[0], "ofsted --help");
    }
    Arguments arguments = new Arguments(command.verb(), List.of(args).subList(1, args.length));
    if (arguments.flag("--help") | arguments.flag("-h")) {
      System.out.println(help(command));
      return ExitCode.OK;
    }
    String master = null;
    boolean progress = false;
    Command.Action action;
    try {
      if (command.spark()) {
        master = arguments.text("--master", null);
        progress = arguments.flag("--progress");
      }
      action = command.parse(arguments);
      arguments.finish();
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage(), "ofsted " + command.verb() + " --help");
    }
    String appMaster = master;
    boolean appProgress = progress;
    SparkSession[] session = {given};
    Supplier<SparkSession> spark = () -> session[0] != null ? session[0]
        : (session[0] = Session.start("ofsted " + command.verb(), appMaster, appProgress));
    try {
      return action.run(spark);
    } catch (StructuralError e) {
      System.err.println("ofsted: bad input: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    } catch (RefreshLock.Busy e) {
      System.err.println("ofsted: " + e.getMessage());
      return ExitCode.BUSY;
    } catch (Exception e) {
      // Spark's SparkException is checked but undeclared, hence Exception; anything else goes on as before.
      String full = noSpace(e);
      if (full == null) throw e;
      System.err.println("ofsted: no space left on device (" + full + "); free some space and run again");
      return ExitCode.FAILURE;
    }
  }

  /** The first line of the "No space left on device" error among e's causes, however Spark or Hadoop wrapped it. */
  private static String noSpace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("No space left on device")) return m.lines().findFirst().orElse(m);
    }
    return null;
  }

  private static int usage(String message, String help) {
    System.err.println("ofsted: " + message);
    System.err.println("Try '" + help + "'.");
    return ExitCode.USAGE;
  }

  String help() {
    List<String> lines = new ArrayList<>(List.of("Usage: ofsted <command> [options]", "", "Commands:"));
    for (Command c : commands) {
      lines.add(String.format("  %-11s %s", c.verb(), c.summary().replace("\n", "\n              ")));
    }
    lines.add(String.format("  %-11s %s", "help", "show this text"));
    lines.addAll(List.of("", "'ofsted <command> --help' shows the command's options.", "", ExitCode.SUMMARY));
    return String.join("\n", lines);
  }

  static String help(Command command) {
    List<String> lines = new ArrayList<>(List.of("Usage: ofsted " + command.verb() + " [options]", "",
        "  " + command.summary().replace("\n", "\n  "), "", "Options:"));
    if (!command.options().isEmpty()) {
      lines.add(command.options());
    }
    if (command.spark()) {
      lines.addAll(List.of(OptionHelp.MASTER, OptionHelp.PROGRESS));
    }
    lines.addAll(List.of(OptionHelp.HELP, "", ExitCode.SUMMARY));
    return String.join("\n", lines);
  }
}
