package org.salespipeline.examples.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private long now;

  @Test
  void staysSilentForQuickOperations() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ProgressBar bar = new ProgressBar("Quick", new PrintStream(out), () -> now)) {
      now = 500_000_000L;
      bar.update(10, 10);
    }
    assertThat(out.size()).isZero();
  }

  @Test
  void drawsAfterASecondAndEndsTheLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ProgressBar bar = new ProgressBar("Importing", new PrintStream(out), () -> now)) {
      now = 1_500_000_000L;
      bar.update(50, 100);
      assertThat(bar.hasDrawn()).isTrue();
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("Importing")
        .contains(" 50%")
        .contains("100%")
        .endsWith(System.lineSeparator());
  }
}
