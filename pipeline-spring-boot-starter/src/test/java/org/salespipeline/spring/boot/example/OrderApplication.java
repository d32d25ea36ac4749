package org.salespipeline.spring.boot.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The README's Spring Boot example: a shop that records each order in its own table and opens a
 * deal for it in the same transaction.
 */
@SpringBootApplication
public class OrderApplication {

  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(OrderApplication.class, args);
  }
}
