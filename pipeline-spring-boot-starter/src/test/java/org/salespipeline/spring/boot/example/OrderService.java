package org.salespipeline.spring.boot.example;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.OpenDeal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

// --- README spring service begins
@Service
public class OrderService {
  private final SalesPipeline pipeline; // configured by the starter
  private final JdbcClient jdbc;

  public OrderService(SalesPipeline pipeline, JdbcClient jdbc) {
    this.pipeline = pipeline;
    this.jdbc = jdbc;
  }

  /** The order row and its deal commit together, or neither does. */
  @Transactional
  public Deal placeOrder(String orderId, String customer, BigDecimal amount) {
    jdbc.sql("INSERT INTO shop_order (id, customer, amount) VALUES (?, ?, ?)")
        .params(orderId, customer, amount)
        .update();
    Deal deal =
        pipeline
            .openDeal(
                OpenDeal.builder()
                    .name("Order " + orderId + " for " + customer)
                    .owner(UserId.of("web-shop"))
                    .actor(UserId.of("web-shop"))
                    .amount(Money.of(amount, "EUR"))
                    .expectedCloseDate(LocalDate.now().plusDays(30))
                    .idempotencyKey("order-" + orderId) // a double submit replays
                    .build())
            .deal();
    if (customer.isBlank()) {
      throw new IllegalArgumentException("customer is required"); // rolls back row, deal, key
    }
    return deal;
  }
}
// --- README spring service ends
