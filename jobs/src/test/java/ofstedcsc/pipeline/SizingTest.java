package ofstedcsc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ofstedcsc.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SizingTest {
  private static final String PARTITIONS = "spark.sql.shuffle.partitions";

  @AfterEach
  void clear() {
    System.clearProperty(PARTITIONS);
    Sizing.apply(TestSpark.session(), 0);
  }

  @Test
  void smallInputsRunInterpretedInOnePartitionAndLargeOnesCompiled() {
    SparkSession spark = TestSpark.session();
    assertTrue(Sizing.apply(spark, Sizing.SMALL_BYTES));
    assertEquals("NO_CODEGEN", spark.conf().get("spark.sql.codegen.factoryMode"));
    assertEquals("false", spark.conf().get("spark.sql.codegen.wholeStage"));
    assertEquals("1", spark.conf().get(PARTITIONS));

    assertFalse(Sizing.apply(spark, Sizing.SMALL_BYTES + 1));
    assertEquals("FALLBACK", spark.conf().get("spark.sql.codegen.factoryMode"));
    assertEquals("true", spark.conf().get("spark.sql.codegen.wholeStage"));
    assertEquals("8", spark.conf().get(PARTITIONS));
  }

  @Test
  void aSettingGivenToSparkSubmitIsLeftAsItIs() {
    SparkSession spark = TestSpark.session();
    spark.conf().set(PARTITIONS, "5");
    System.setProperty(PARTITIONS, "5");
    Sizing.apply(spark, 0);
    assertEquals("5", spark.conf().get(PARTITIONS));
    assertEquals("NO_CODEGEN", spark.conf().get("spark.sql.codegen.factoryMode"));
  }
}
