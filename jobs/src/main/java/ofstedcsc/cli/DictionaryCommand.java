package ofstedcsc.cli;

import ofstedcsc.schema.DataDictionary;

/** {@code dictionary}: docs/data-dictionary.md, printed from the declared schemas. */
final class DictionaryCommand implements Command {
  @Override
  public String verb() {
    return "dictionary";
  }

  @Override
  public String summary() {
    return "print the data dictionary (docs/data-dictionary.md) from the declared schemas";
  }

  @Override
  public String options() {
    return "";
  }

  @Override
  public boolean spark() {
    return false;
  }

  @Override
  public Action parse(Arguments args) {
    return spark -> {
      System.out.print(DataDictionary.markdown());
      return ExitCode.OK;
    };
  }
}
