package org.salespipeline.benchmarks.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.AttributeValue;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.jackson.SalesPipelineModule;
import org.salespipeline.jackson3.SalesPipelineJackson3Module;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writing a {@link Deal} to JSON bytes through the Jackson modules, against a hand-written writer
 * of the same bytes on a Jackson 2 generator (the baseline: what a host would write by hand). The
 * setup checks that all three produce identical bytes.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DealJsonBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DealJsonBenchmark {
  private Deal deal;
  private ObjectMapper jackson2;
  private JsonMapper jackson3;
  private JsonFactory factory;

  @Setup
  public void setUp() {
    deal =
        Deal.builder()
            .id(DealId.of("019cadc6-9a80-7000-8e29-3adefb838f2e"))
            .workspace(WorkspaceId.of("acme"))
            .pipeline(PipelineId.of("new_business"))
            .stage("qualification")
            .status(DealStatus.OPEN)
            .name("Acme platform renewal")
            .account(AccountId.of("019cadc6-9a80-7000-8e29-3adefb838f30"))
            .owner(UserId.of("alice"))
            .amount(Money.of("48000.50", "EUR"))
            .expectedCloseDate(LocalDate.parse("2026-05-01"))
            .forecastCategory(ForecastCategory.PIPELINE)
            .probabilityOverride(0.3)
            .nextStep("send the proposal")
            .putAttributes("region", AttributeValue.text("EMEA"))
            .putAttributes("seats", AttributeValue.number(new java.math.BigDecimal("250")))
            .createdAt(Instant.parse("2026-03-02T09:00:00Z"))
            .stageEnteredAt(Instant.parse("2026-03-04T10:15:00Z"))
            .lastActivityAt(Instant.parse("2026-03-05T16:45:12.250Z"))
            .version(7)
            .lastEventSequence(7)
            .build();
    jackson2 = new ObjectMapper().registerModule(new SalesPipelineModule());
    jackson3 = JsonMapper.builder().addModule(new SalesPipelineJackson3Module()).build();
    factory = new JsonFactory();
    byte[] expected = handWritten();
    if (!Arrays.equals(expected, module2()) || !Arrays.equals(expected, module3())) {
      throw new IllegalStateException(
          "the baseline writes other bytes than the modules:\n"
              + new String(expected, StandardCharsets.UTF_8)
              + "\n"
              + new String(module2(), StandardCharsets.UTF_8));
    }
  }

  /** The Jackson 2 module through the mapper. */
  @Benchmark
  public byte[] module2() {
    try {
      return jackson2.writeValueAsBytes(deal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Jackson 3 module through the mapper. */
  @Benchmark
  public byte[] module3() {
    return jackson3.writeValueAsBytes(deal);
  }

  /** Baseline: the same bytes written field by field on a Jackson 2 generator. */
  @Benchmark
  public byte[] handWritten() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = factory.createGenerator(out)) {
      Deal d = deal;
      g.writeStartObject();
      g.writeStringField("id", d.id().toString());
      g.writeStringField("workspace", d.workspace().value());
      g.writeStringField("pipeline", d.pipeline().value());
      g.writeStringField("stage", d.stage());
      g.writeStringField("status", d.status().name());
      g.writeStringField("name", d.name());
      g.writeStringField("kind", d.kind().name());
      if (d.account().isPresent()) {
        g.writeStringField("account", d.account().get().toString());
      }
      g.writeStringField("owner", d.owner().value());
      g.writeFieldName("amount");
      g.writeStartObject();
      g.writeStringField("amount", d.amount().amount().toPlainString());
      g.writeStringField("currency", d.amount().currency().getCurrencyCode());
      g.writeEndObject();
      g.writeStringField("expectedCloseDate", d.expectedCloseDate().toString());
      g.writeNumberField("closeDatePushCount", d.closeDatePushCount());
      g.writeStringField("source", d.source().name());
      g.writeStringField("forecastCategory", d.forecastCategory().name());
      g.writeBooleanField("categorySetByRep", d.categorySetByRep());
      if (d.probabilityOverride().isPresent()) {
        g.writeNumberField("probabilityOverride", d.probabilityOverride().getAsDouble());
      }
      if (d.nextStep().isPresent()) {
        g.writeStringField("nextStep", d.nextStep().get());
      }
      g.writeFieldName("attributes");
      g.writeStartObject();
      for (Map.Entry<String, AttributeValue> e : d.attributes().entrySet()) {
        g.writeFieldName(e.getKey());
        g.writeStartObject();
        if (e.getValue() instanceof AttributeValue.Text t) {
          g.writeStringField("@type", "Text");
          g.writeStringField("value", t.value());
        } else if (e.getValue() instanceof AttributeValue.Number n) {
          g.writeStringField("@type", "Number");
          g.writeStringField("value", n.value().toPlainString());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeStringField("createdAt", d.createdAt().toString());
      g.writeStringField("stageEnteredAt", d.stageEnteredAt().toString());
      if (d.lastActivityAt().isPresent()) {
        g.writeStringField("lastActivityAt", d.lastActivityAt().get().toString());
      }
      g.writeNumberField("version", d.version());
      g.writeNumberField("lastEventSequence", d.lastEventSequence());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
