package ofstedcsc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import ofstedcsc.TestSpark;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {

  @Test
  void theCommittedDictionaryIsTheOneTheSchemasGenerate() throws Exception {
    Path committed = TestSpark.projectRoot().resolve("docs/data-dictionary.md");
    assertEquals(DataDictionary.markdown(), Files.readString(committed),
        "docs/data-dictionary.md is out of date: bin/ofsted dictionary > docs/data-dictionary.md");
  }
}
