package org.salespipeline.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.spring.boot.example.NewDealsFeed;
import org.salespipeline.spring.boot.example.OrderApplication;
import org.salespipeline.spring.boot.example.OrderController;
import org.salespipeline.spring.boot.example.OrderService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void theControllerPlacesAnOrderAndARefusedOneLeavesNothing(TestDatabases db) throws Exception {
    try (ConfigurableApplicationContext context = start(db)) {
      MockMvc http =
          MockMvcBuilders.standaloneSetup(context.getBean(OrderController.class)).build();
      SalesPipeline pipeline = context.getBean(SalesPipeline.class);
      NewDealsFeed feed = context.getBean(NewDealsFeed.class);

      String dealId =
          http.perform(
                  post("/orders/{id}", UUID.randomUUID())
                      .param("customer", "Globex")
                      .param("amount", "480.50"))
              .andExpect(status().isCreated())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(pipeline.deal(DealId.of(dealId))).isPresent();
      assertThat(feed.opened()).containsExactly(dealId);

      http.perform(
              post("/orders/{id}", UUID.randomUUID()).param("customer", " ").param("amount", "10"))
          .andExpect(status().isBadRequest())
          .andExpect(content().string("customer is required"));
      assertThat(deals(pipeline)).isEqualTo(1);
      assertThat(feed.opened()).hasSize(1);
    }
  }

  /**
   * Two transactions submit the same keyed command at once: the second waits on the key, then
   * replays the first result after the first commits, and its own transaction commits normally (on
   * MariaDB at READ COMMITTED, as the README says).
   */
  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void theIdempotencyRaceBetweenTwoTransactionsReplays(TestDatabases db) throws Exception {
    try (ConfigurableApplicationContext context = start(db)) {
      SalesPipeline pipeline = context.getBean(SalesPipeline.class);
      NewDealsFeed feed = context.getBean(NewDealsFeed.class);
      TransactionTemplate tx =
          new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
      tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
      String key = "race-" + UUID.randomUUID();
      CountDownLatch firstWrote = new CountDownLatch(1);
      CountDownLatch secondStarted = new CountDownLatch(1);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        Future<CommandResult> first =
            threads.submit(
                () ->
                    tx.execute(
                        status -> {
                          CommandResult r = pipeline.openDeal(keyed(key));
                          firstWrote.countDown();
                          await(secondStarted);
                          pause(); // why: lets the second reach the key and wait on it
                          return r;
                        }));
        Future<CommandResult> second =
            threads.submit(
                () -> {
                  await(firstWrote);
                  return tx.execute(
                      status -> {
                        secondStarted.countDown();
                        return pipeline.openDeal(keyed(key));
                      });
                });
        CommandResult a = first.get(30, TimeUnit.SECONDS);
        CommandResult b = second.get(30, TimeUnit.SECONDS);
        assertThat(List.of(a, b)).filteredOn(CommandResult::replayed).hasSize(1);
        assertThat(b.deal().id()).isEqualTo(a.deal().id());
        assertThat(deals(pipeline)).isEqualTo(1);
        assertThat(feed.opened()).containsExactly(a.deal().id().toString());
      } finally {
        threads.shutdownNow();
      }
    }
  }

  private static OpenDeal keyed(String key) {
    return OpenDeal.builder()
        .name("Double submit")
        .owner(UserId.of("rep"))
        .actor(UserId.of("rep"))
        .amount(Money.of(500, "EUR"))
        .expectedCloseDate(LocalDate.now().plusDays(20))
        .idempotencyKey(key)
        .build();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
