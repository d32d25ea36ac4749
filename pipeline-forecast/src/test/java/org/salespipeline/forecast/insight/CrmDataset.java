package org.salespipeline.forecast.insight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;
import org.salespipeline.forecast.CrmSample;

/**
 * Imports the public CRM Sales Opportunities data set into histories. The data gives, per
 * opportunity, the stage and the dates it entered Engaging and closed; the importer turns that into
 * events:
 *
 * <ul>
 *   <li>Engaged and closed deals are created in Prospecting at their engage date and moved to
 *       Engaging at the same instant (the data has no Prospecting dates, so Prospecting stays are
 *       zero and its conversion counts only deals that went on); closed deals then move to Won or
 *       Lost at their close date.
 *   <li>Prospecting deals have no dates at all: they are created at the as-of instant.
 *   <li>The amount is the product's list price ({@code GTXPro} read as {@code GTX Pro}); a won
 *       deal's amount changes to its close value before it is won. Lost deals keep the list price.
 *   <li>The expected close date is the close date for closed deals, else engage date + 90 days (or
 *       the as-of date + 90 days).
 *   <li>Agents become user ids in lower case with dots ({@code moses.frase}); managers head teams.
 * </ul>
 *
 * No row is dropped: {@link #rows} counts every row read and each quirk met is counted in {@link
 * #quirks}.
 */
final class CrmDataset {
  static final Path DIR = CrmSample.DIR;
  static final Instant AS_OF = Instant.parse("2018-01-01T00:00:00Z");
  static final PipelineId PIPELINE = PipelineId.of("crm");
  static final WorkspaceId WORKSPACE = WorkspaceId.of("crm");

  final List<DealEvent> events = new ArrayList<>();
  final List<Team> teams = new ArrayList<>();
  final Map<String, Integer> quirks = new LinkedHashMap<>();
  int rows;

  static PipelineDefinition pipeline() {
    return PipelineDefinition.builder()
        .id(PIPELINE)
        .name("CRM")
        .addStages(
            Stage.open("Prospecting", "Prospecting", 0.1, ForecastCategory.PIPELINE, null),
            Stage.open("Engaging", "Engaging", 0.5, ForecastCategory.PIPELINE, null),
            Stage.closed("Won", "Won", StageOutcome.WON),
            Stage.closed("Lost", "Lost", StageOutcome.LOST))
        .build();
  }

  static UserId user(String name) {
    return UserId.of(name.trim().toLowerCase(Locale.ROOT).replace(' ', '.'));
  }

  static CrmDataset load() throws IOException {
    CrmDataset data = new CrmDataset();
    Map<String, Long> prices = new HashMap<>();
    for (String[] r : CrmSample.read("products.csv")) {
      prices.put(r[0], Long.parseLong(r[2]));
    }
    Map<String, List<UserId>> byManager = new LinkedHashMap<>();
    for (String[] r : CrmSample.read("sales_teams.csv")) {
      byManager.computeIfAbsent(r[1], k -> new ArrayList<>()).add(user(r[0]));
    }
    byManager.forEach(
        (manager, members) ->
            data.teams.add(
                Team.builder()
                    .id(TeamId.of(user(manager).value()))
                    .workspace(WORKSPACE)
                    .name(manager)
                    .manager(user(manager))
                    .members(members)
                    .build()));
    for (String[] r : CrmSample.read("sales_pipeline.csv")) {
      data.rows++;
      data.add(r, prices);
    }
    return data;
  }

  private void add(String[] r, Map<String, Long> prices) {
    String product = r[2];
    if (product.equals("GTXPro")) {
      quirks.merge("product GTXPro read as GTX Pro", 1, Integer::sum);
      product = "GTX Pro";
    }
    if (r[3].isEmpty()) {
      quirks.merge("empty account", 1, Integer::sum);
    }
    Long price = prices.get(product);
    if (price == null) {
      throw new IllegalStateException("unknown product " + product + " in " + r[0]);
    }
    String stage = r[4];
    Instant created =
        r[5].isEmpty() ? AS_OF : LocalDate.parse(r[5]).atStartOfDay(ZoneOffset.UTC).toInstant();
    LocalDate closeDate =
        r[6].isEmpty()
            ? LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(90)
            : LocalDate.parse(r[6]);
    DealId id = new DealId(UUID.nameUUIDFromBytes(r[0].getBytes(StandardCharsets.UTF_8)));
    UserId owner = user(r[1]);
    Money amount = Money.of(price, "USD");
    Deal deal =
        CrmSample.openDeal(
            id, WORKSPACE, PIPELINE, "Prospecting", r[0], owner, amount, closeDate, created);
    CrmSample.Trail trail = new CrmSample.Trail(deal);
    if (!stage.equals("Prospecting")) {
      trail.add(created, new Change.StageChanged("Prospecting", "Engaging"));
    }
    if (stage.equals("Won") || stage.equals("Lost")) {
      boolean won = stage.equals("Won");
      Money value =
          won && !r[7].isEmpty() && Long.parseLong(r[7]) != price
              ? Money.of(Long.parseLong(r[7]), "USD")
              : null;
      Instant closed = closeDate.atStartOfDay(ZoneOffset.UTC).toInstant();
      trail.close(closed, won, amount, value, "Engaging", stage);
    }
    trail.into(events);
  }

  private CrmDataset() {}
}
