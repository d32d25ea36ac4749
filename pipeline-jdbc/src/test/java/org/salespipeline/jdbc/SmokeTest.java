package org.salespipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.Deal;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.jdbc.dialect.SqlDialect;

/** The embedded set-ups and dialect detection. */
class SmokeTest {
  @Test
  void h2InMemoryRoundTrips() {
    try (JdbcPipelineStore store = JdbcPipelineStore.h2InMemory("smoke")) {
      WorkspaceId wsId = Fixtures.randomWorkspace();
      WorkspaceStore ws = store.workspace(wsId);
      ws.savePipeline(StandardPipelines.newBusiness());
      assertThat(ws.pipelines()).containsExactly(StandardPipelines.newBusiness());
      Deal deal = Fixtures.deal(wsId, Fixtures.newId());
      ws.commit(Fixtures.create(deal));
      assertThat(ws.deal(deal.id())).contains(deal);
      ws.commit(Fixtures.move(deal, StandardPipelines.QUALIFICATION));
      assertThat(ws.history(deal.id())).hasSize(2);
      assertThat(ws.findDeals(DealQuery.all()).items()).hasSize(1);
      try (Stream<Deal> s = ws.streamDeals(DealQuery.all())) {
        assertThat(s.toList()).hasSize(1);
      }
      assertThat(store.dialect().name()).isEqualTo("h2");
    }
  }

  @Test
  void h2FileSurvivesAReopen(@TempDir Path dir) {
    WorkspaceId wsId = Fixtures.randomWorkspace();
    Deal deal = Fixtures.deal(wsId, Fixtures.newId());
    try (JdbcPipelineStore store = JdbcPipelineStore.h2File(dir.resolve("pipeline"))) {
      store.workspace(wsId).commit(Fixtures.create(deal));
    }
    try (JdbcPipelineStore store = JdbcPipelineStore.h2File(dir.resolve("pipeline"))) {
      assertThat(store.workspace(wsId).deal(deal.id())).contains(deal);
    }
    assertThatThrownBy(() -> JdbcPipelineStore.h2File(dir.resolve("x;INIT=RUNSCRIPT")))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void unknownProductsFailLoudly() throws Exception {
    DatabaseMetaData mysql =
        (DatabaseMetaData)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) -> "MySQL");
    assertThatThrownBy(() -> SqlDialect.detect(mysql))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'MySQL'")
        .hasMessageContaining("not supported");
    try (Connection c = Databases.H2.dataSource().getConnection()) {
      assertThat(SqlDialect.detect(c.getMetaData()).name()).isEqualTo("h2");
    }
  }
}
