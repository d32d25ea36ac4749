package org.salespipeline.forecast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;

/**
 * What the tests that rebuild histories from the public CRM sample
 * (../shared/data/crm-sales-opportunities) share: reading its CSV files, the deal a row opens and
 * the trail of events a row becomes. How a row is read stays with each test's importer.
 */
public final class CrmSample {
  /** The data set's folder, relative to a module's directory. */
  public static final Path DIR = Path.of("..", "..", "shared", "data", "crm-sales-opportunities");

  private CrmSample() {}

  /** The rows of one CSV file of the data set, header and blank lines left out, fields unquoted. */
  public static List<String[]> read(String file) throws IOException {
    List<String> lines = Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8);
    List<String[]> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        out.add(line.split(",", -1));
      }
    }
    return out;
  }

  /** An open deal as created at {@code created} in {@code stage}, forecast category pipeline. */
  public static Deal openDeal(
      DealId id,
      WorkspaceId workspace,
      PipelineId pipeline,
      String stage,
      String name,
      UserId owner,
      Money amount,
      LocalDate expectedClose,
      Instant created) {
    return Deal.builder()
        .id(id)
        .workspace(workspace)
        .pipeline(pipeline)
        .stage(stage)
        .status(DealStatus.OPEN)
        .name(name)
        .owner(owner)
        .amount(amount)
        .expectedCloseDate(expectedClose)
        .forecastCategory(ForecastCategory.PIPELINE)
        .createdAt(created)
        .stageEnteredAt(created)
        .version(1)
        .lastEventSequence(1)
        .build();
  }

  /** One deal's changes in order, each with its time, written by its owner. */
  public static final class Trail {
    private final Deal deal;
    private final List<Change> changes = new ArrayList<>();
    private final List<Instant> at = new ArrayList<>();

    /** A trail that starts with the deal's creation at its creation time. */
    public Trail(Deal deal) {
      this.deal = deal;
      add(deal.createdAt(), new Change.Created(deal));
    }

    /** Appends one change. */
    public Trail add(Instant when, Change change) {
      changes.add(change);
      at.add(when);
      return this;
    }

    /**
     * Closes the deal at {@code when}: first the amount changes from {@code amount} to {@code
     * newAmount} (unless that is null), then the deal moves from stage {@code from} to {@code to},
     * then it is won or lost, for the reason "from data set".
     */
    public Trail close(
        Instant when, boolean won, Money amount, Money newAmount, String from, String to) {
      if (newAmount != null) {
        add(when, new Change.AmountChanged(amount, newAmount));
      }
      add(when, new Change.StageChanged(from, to));
      CloseReason reason =
          new CloseReason(
              won ? DealStatus.WON : DealStatus.LOST, "from data set", Optional.empty());
      return add(when, won ? new Change.Won(reason) : new Change.Lost(reason));
    }

    /** Appends the trail's events, sequences from 1, to {@code events}. */
    public void into(List<DealEvent> events) {
      for (int i = 0; i < changes.size(); i++) {
        events.add(
            new DealEvent(
                deal.id(),
                i + 1,
                i + 1,
                at.get(i),
                deal.owner(),
                Optional.empty(),
                changes.get(i)));
      }
    }
  }
}
