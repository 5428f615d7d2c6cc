package ofstedcsc;

import ofstedcsc.cli.Cli;

/** The pipeline jar's entry point, the class spark-submit and bin/ofsted name: the pipeline's verbs (cli). */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(new Cli(Cli.PIPELINE).execute(args));
  }
}
