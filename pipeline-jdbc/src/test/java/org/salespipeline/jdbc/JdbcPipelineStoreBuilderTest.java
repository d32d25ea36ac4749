package org.salespipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.jdbc.dialect.H2Dialect;
import org.salespipeline.jdbc.dialect.PostgresDialect;
import org.salespipeline.jdbc.internal.DriverManagerDataSource;

/** Every setting of the builder may be set once; a second set names the setting and both values. */
class JdbcPipelineStoreBuilderTest {
  private static JdbcPipelineStore.Builder builder() {
    return JdbcPipelineStore.builder(new DriverManagerDataSource("jdbc:h2:mem:unused"));
  }

  @Test
  void aSecondSetOfAnySettingIsRefusedNamingItAndBothValues() {
    assertThatThrownBy(() -> builder().tablePrefix("a_").tablePrefix("b_"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("tablePrefix")
        .hasMessageContaining("'a_'")
        .hasMessageContaining("'b_'");
    assertThatThrownBy(() -> builder().dialect(new H2Dialect()).dialect(new PostgresDialect()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("dialect")
        .hasMessageContaining("h2")
        .hasMessageContaining("postgres");
    assertThatThrownBy(() -> builder().schemaMode(SchemaMode.NONE).schemaMode(SchemaMode.VALIDATE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("schemaMode")
        .hasMessageContaining("NONE")
        .hasMessageContaining("VALIDATE");
    assertThatThrownBy(() -> builder().maxRetries(1).maxRetries(2))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("maxRetries was already set to 1")
        .hasMessageContaining("2");
    assertThatThrownBy(() -> builder().fetchSize(10).fetchSize(20))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("fetchSize was already set to 10")
        .hasMessageContaining("20");
    assertThatThrownBy(() -> builder().importBatchSize(5).importBatchSize(6))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("importBatchSize was already set to 5")
        .hasMessageContaining("6");
    assertThatThrownBy(
            () ->
                builder()
                    .migrationLockTimeout(Duration.ofSeconds(1))
                    .migrationLockTimeout(Duration.ofSeconds(2)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("migrationLockTimeout was already set to PT1S")
        .hasMessageContaining("PT2S");
  }

  @Test
  void anInvalidValueIsRefusedBeforeItCountsAsSet() {
    JdbcPipelineStore.Builder b = builder();
    assertThatThrownBy(() -> b.fetchSize(0))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("fetchSize")
        .hasMessageContaining("0");
    b.fetchSize(100);
  }
}
