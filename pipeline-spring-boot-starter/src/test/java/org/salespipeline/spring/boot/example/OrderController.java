package org.salespipeline.spring.boot.example;

import java.math.BigDecimal;
import java.net.URI;
import org.salespipeline.core.Deal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// --- README spring controller begins
/**
 * Places orders over HTTP; answers the new deal's id as text (JSON comes with pipeline-jackson3).
 */
@RestController
public class OrderController {
  private final OrderService orders;

  public OrderController(OrderService orders) {
    this.orders = orders;
  }

  @PostMapping(path = "/orders/{orderId}", produces = MediaType.TEXT_PLAIN_VALUE)
  public ResponseEntity<String> place(
      @PathVariable String orderId,
      @RequestParam String customer,
      @RequestParam BigDecimal amount) {
    Deal deal = orders.placeOrder(orderId, customer, amount);
    return ResponseEntity.created(URI.create("/deals/" + deal.id())).body(deal.id().toString());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  public ResponseEntity<String> refused(IllegalArgumentException e) {
    return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
  }
}
// --- README spring controller ends
