package org.salespipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.WorkspaceStore;

class SmokeTest {
  @Test
  void roundTripsOnH2() {
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
      assertThat(List.of(1)).hasSize(1);
    }
  }
}
