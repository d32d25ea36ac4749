package org.salespipeline.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.salespipeline.core.Deal;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.spring.boot.example.NewDealsFeed;
import org.salespipeline.spring.boot.example.OrderApplication;
import org.salespipeline.spring.boot.example.OrderService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The README's application, started as a real Spring Boot application on every database: a service
 * method inside {@code @Transactional} commits the host's row and the deal together, or rolls both
 * back with the idempotency key and events; listeners hear events after the commit only.
 */
class TransactionalApplicationTest {

  private static ConfigurableApplicationContext start(TestDatabases db) {
    SpringApplication app =
        new SpringApplicationBuilder(OrderApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                "spring.datasource.url=" + db.url(),
                "spring.sql.init.mode=always",
                "spring.sql.init.schema-locations=classpath:example/schema.sql",
                "pipeline.workspace=" + TestDatabases.freshWorkspace())
            .build();
    return app.run();
  }

  private static long deals(SalesPipeline pipeline) {
    return pipeline.findDeals(DealQuery.builder().build()).items().size();
  }

  private static long orders(JdbcClient jdbc, String id) {
    return jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aCommittedServiceMethodKeepsRowAndDealAndListenersHearIt(TestDatabases db) {
    try (ConfigurableApplicationContext context = start(db)) {
      OrderService orders = context.getBean(OrderService.class);
      SalesPipeline pipeline = context.getBean(SalesPipeline.class);
      NewDealsFeed feed = context.getBean(NewDealsFeed.class);
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      String id = UUID.randomUUID().toString();

      Deal deal = orders.placeOrder(id, "Initech", new BigDecimal("1200.00"));

      assertThat(orders(jdbc, id)).isEqualTo(1);
      assertThat(pipeline.deal(deal.id())).isPresent();
      assertThat(feed.opened()).containsExactly(deal.id().toString());

      // a second submit of the order fails on the host's own primary key and changes nothing
      assertThatThrownBy(() -> orders.placeOrder(id, "Initech", new BigDecimal("1200.00")))
          .isInstanceOf(DuplicateKeyException.class);
      assertThat(deals(pipeline)).isEqualTo(1);
      assertThat(feed.opened()).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aRolledBackServiceMethodLeavesNoRowDealEventOrKeyAndListenersHearNothing(TestDatabases db) {
    try (ConfigurableApplicationContext context = start(db)) {
      OrderService orders = context.getBean(OrderService.class);
      SalesPipeline pipeline = context.getBean(SalesPipeline.class);
      NewDealsFeed feed = context.getBean(NewDealsFeed.class);
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      String id = UUID.randomUUID().toString();

      assertThatThrownBy(() -> orders.placeOrder(id, " ", new BigDecimal("99.00")))
          .isInstanceOf(IllegalArgumentException.class);

      assertThat(orders(jdbc, id)).isZero();
      assertThat(deals(pipeline)).isZero();
      assertThat(pipeline.store().idempotencyRecord("order-" + id)).isEmpty();
      assertThat(
              pipeline.store().streamEvents(org.salespipeline.core.store.EventQuery.all()).count())
          .isZero();
      assertThat(feed.opened()).isEmpty();

      // the key is free again: the corrected order goes through
      Deal deal = orders.placeOrder(id, "Initech", new BigDecimal("99.00"));
      assertThat(feed.opened()).containsExactly(deal.id().toString());
    }
  }
}
