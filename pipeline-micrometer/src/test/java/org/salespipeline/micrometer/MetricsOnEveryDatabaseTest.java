package org.salespipeline.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.DealId;
import org.salespipeline.core.IllegalTransitionException;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.jdbc.JdbcPipelineStore;

/**
 * The metrics with a JDBC store on H2, PostgreSQL and MariaDB: each outcome (ok, replayed,
 * rejected, conflict) is timed under its tag and the gauges read the stored board. PostgreSQL and
 * MariaDB run when {@code -Dpipeline.test.postgres.url} / {@code -Dpipeline.test.mariadb.url} are
 * set, are skipped with a message otherwise, and fail instead with {@code
 * -Dpipeline.test.databases.required=true} (as in pipeline-jdbc's tests).
 */
class MetricsOnEveryDatabaseTest {
  private static final UserId ANN = UserId.of("ann");

  private static String url(String database) {
    if (database.equals("h2")) {
      return "jdbc:h2:mem:metrics_"
          + UUID.randomUUID().toString().substring(0, 8)
          + ";DB_CLOSE_DELAY=-1";
    }
    String property = "pipeline.test." + database + ".url";
    String url = System.getProperty(property, "");
    if (url.isBlank()) {
      String message = database + " metrics test needs -D" + property + "=<jdbc url>";
      if (Boolean.getBoolean("pipeline.test.databases.required")) {
        Assertions.fail(message + " (pipeline.test.databases.required=true)");
      }
      Assumptions.abort(message);
    }
    return url;
  }

  private static OpenDeal.Builder deal() {
    return OpenDeal.builder()
        .name("Acme platform")
        .owner(ANN)
        .actor(ANN)
        .amount(Money.of("50000.00", "EUR"))
        .expectedCloseDate(LocalDate.of(2026, 6, 30));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres", "mariadb"})
  void commandsOutcomesAndGaugesAreMeasured(String database) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url(database));
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (HikariDataSource pool = new HikariDataSource(config);
        JdbcPipelineStore store = JdbcPipelineStore.builder(pool).build()) {
      SalesPipeline pipeline =
          SalesPipeline.builder()
              .store(store)
              .workspace(WorkspaceId.of("metrics-" + run))
              .reportingCurrency("EUR")
              .observer(PipelineMetrics.of(registry))
              .build();
      PipelineGauges.register(pipeline, registry, Duration.ofMinutes(1));

      DealId id = pipeline.openDeal(deal().idempotencyKey("open-" + run).build()).deal().id();
      pipeline.openDeal(deal().idempotencyKey("open-" + run).build());
      pipeline.move(id, StandardPipelines.QUALIFICATION, ANN);
      assertThatThrownBy(() -> pipeline.move(id, StandardPipelines.CLOSING, ANN))
          .isInstanceOf(IllegalTransitionException.class);
      assertThatThrownBy(
              () ->
                  pipeline.update(
                      UpdateDeal.builder()
                          .deal(id)
                          .actor(ANN)
                          .amount(Money.of(1, "EUR"))
                          .expectedVersion(1)
                          .build()))
          .isInstanceOf(ConcurrentDealModificationException.class);

      assertThat(commands(registry, "open", "ok")).isEqualTo(1);
      assertThat(commands(registry, "open", "replayed")).isEqualTo(1);
      assertThat(commands(registry, "move", "ok")).isEqualTo(1);
      assertThat(commands(registry, "move", "rejected")).isEqualTo(1);
      assertThat(commands(registry, "update", "conflict")).isEqualTo(1);
      assertThat(
              registry
                  .get(PipelineMetrics.CONFLICTS)
                  .tag("command", "update")
                  .tag("resolution", "surfaced")
                  .counter()
                  .count())
          .isEqualTo(1);
      assertThat(
              registry
                  .get(PipelineMetrics.RULE_VIOLATIONS)
                  .tag("command", "move")
                  .tag("rule", "no-skipping")
                  .counter()
                  .count())
          .isEqualTo(1);
      assertThat(
              registry
                  .get("salespipeline.open.deals")
                  .tag("stage", StandardPipelines.QUALIFICATION)
                  .gauge()
                  .value())
          .isEqualTo(1.0);
      assertThat(
              registry
                  .get("salespipeline.open.amount")
                  .tag("stage", StandardPipelines.QUALIFICATION)
                  .tag("currency", "EUR")
                  .gauge()
                  .value())
          .isEqualTo(50000.0);
    }
  }

  private static long commands(SimpleMeterRegistry registry, String command, String outcome) {
    return registry
        .get(PipelineMetrics.COMMANDS)
        .tag("command", command)
        .tag("outcome", outcome)
        .timer()
        .count();
  }
}
