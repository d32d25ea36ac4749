package org.salespipeline.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;

class CommandFingerprintTest {
  private static OpenDeal.Builder open() {
    return OpenDeal.builder()
        .name("Acme")
        .owner(UserId.of("alice"))
        .actor(UserId.of("alice"))
        .amount(Money.of("100.00", "EUR"))
        .expectedCloseDate(LocalDate.of(2026, 6, 30))
        .idempotencyKey("k");
  }

  @Test
  void equalCommandsHaveEqualFingerprintsAndAnyChangeGivesAnother() {
    String first = CommandFingerprint.of(open().build());
    assertThat(first).matches("v1:[0-9a-f]{64}");
    assertThat(CommandFingerprint.of(open().build())).isEqualTo(first);
    assertThat(CommandFingerprint.of(open().name("Acme 2").build())).isNotEqualTo(first);
    assertThat(CommandFingerprint.of(open().amount(Money.of("100.01", "EUR")).build()))
        .isNotEqualTo(first);
    DealId a = DealId.of("00000000-0000-0000-0000-000000000001");
    DealId b = DealId.of("00000000-0000-0000-0000-000000000002");
    MoveDeal.Builder move =
        MoveDeal.builder().toStage("qualification").actor(UserId.of("alice")).idempotencyKey("k");
    assertThat(CommandFingerprint.of(move.deal(a).build()))
        .isNotEqualTo(
            CommandFingerprint.of(MoveDeal.builder().from(move.deal(a).build()).deal(b).build()));
  }

  @Test
  void loneSurrogatesAreRefusedButPairsPass() {
    CommitRules.requireWellFormed("f", "ok \uD83D\uDE00");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CommitRules.requireWellFormed("f", "bad \uDE00"))
        .hasMessageContaining("f")
        .hasMessageContaining("U+DE00");
  }
}
