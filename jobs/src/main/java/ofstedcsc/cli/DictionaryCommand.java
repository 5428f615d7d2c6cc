package ofstedcsc.cli;

import ofstedcsc.schema.DataDictionary;

/** {@code dictionary}: docs/data-dictionary.md, printed from the declared schemas. */
final class DictionaryCommand extends Command {
  DictionaryCommand() {
    super("dictionary",
        "print the data dictionary (docs/data-dictionary.md) from the declared schemas",
        "",
        false);
  }

  @Override
  protected Action parse(Arguments args) {
    return spark -> {
      System.out.print(DataDictionary.markdown());
      return ExitCode.OK;
    };
  }
}
