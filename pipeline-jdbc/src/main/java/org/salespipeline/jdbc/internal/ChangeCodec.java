package org.salespipeline.jdbc.internal;

import static org.salespipeline.jdbc.internal.Codec.closeReason;
import static org.salespipeline.jdbc.internal.Codec.deal;
import static org.salespipeline.jdbc.internal.Codec.encodeDeal;
import static org.salespipeline.jdbc.internal.Codec.list;
import static org.salespipeline.jdbc.internal.Codec.map;
import static org.salespipeline.jdbc.internal.Codec.money;
import static org.salespipeline.jdbc.internal.Codec.obj;
import static org.salespipeline.jdbc.internal.Codec.opt;
import static org.salespipeline.jdbc.internal.Codec.optDouble;
import static org.salespipeline.jdbc.internal.Codec.qualification;
import static org.salespipeline.jdbc.internal.Codec.str;
import static org.salespipeline.jdbc.internal.Codec.strings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.RevenueCause;
import org.salespipeline.core.UserId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.rule.RuleViolation;

/**
 * The stored form of each kind of {@link Change}, both ways: encoding through {@link
 * Change.Visitor} (a new kind does not compile until it is handled here) and decoding by the kind's
 * stored name, one of the {@code Change.X.TYPE} constants (the names earlier versions wrote are the
 * same strings). The values themselves are written by {@link Codec}'s helpers.
 */
final class ChangeCodec {
  private ChangeCodec() {}

  /**
   * Encodes a change; a {@code Created} change is stored as its deal, and as {@code dealBody} when
   * it is that already encoded {@code deal} (both may be null).
   */
  static String encode(Change change, Deal deal, String dealBody) {
    return change.accept(new Encoder(deal, dealBody));
  }

  /** Rebuilds a change from its stored type name (a {@code TYPE} constant) and its tree. */
  static Change decode(String type, Map<String, Object> m) {
    return switch (type) {
      case Change.Created.TYPE -> new Change.Created(deal(m));
      case Change.StageChanged.TYPE -> new Change.StageChanged(str(m, "from"), str(m, "to"));
      case Change.AmountChanged.TYPE ->
          new Change.AmountChanged(money(obj(m.get("from"))), money(obj(m.get("to"))));
      case Change.CloseDateChanged.TYPE ->
          new Change.CloseDateChanged(
              LocalDate.parse(str(m, "from")),
              LocalDate.parse(str(m, "to")),
              Integer.parseInt(str(m, "pushes")));
      case Change.OwnerChanged.TYPE ->
          new Change.OwnerChanged(UserId.of(str(m, "from")), UserId.of(str(m, "to")));
      case Change.CategoryChanged.TYPE ->
          new Change.CategoryChanged(
              ForecastCategory.valueOf(str(m, "from")),
              ForecastCategory.valueOf(str(m, "to")),
              Boolean.parseBoolean(str(m, "byRep")));
      case Change.ProbabilityOverrideChanged.TYPE ->
          new Change.ProbabilityOverrideChanged(optDouble(m, "from"), optDouble(m, "to"));
      case Change.DetailsChanged.TYPE ->
          new Change.DetailsChanged(
              new LinkedHashSet<>(strings(m.get("fields"))), deal(obj(m.get("deal"))));
      case Change.QualificationRecorded.TYPE -> new Change.QualificationRecorded(qualification(m));
      case Change.ActivityLogged.TYPE ->
          new Change.ActivityLogged(
              ActivityId.of(str(m, "activity")),
              ActivityType.valueOf(str(m, "type")),
              opt(m, "occurredAt").map(Instant::parse),
              opt(m, "dueAt").map(Instant::parse));
      case Change.Won.TYPE -> new Change.Won(closeReason(m));
      case Change.Lost.TYPE -> new Change.Lost(closeReason(m));
      case Change.Disqualified.TYPE -> new Change.Disqualified(closeReason(m));
      case Change.Reopened.TYPE ->
          new Change.Reopened(DealStatus.valueOf(str(m, "previous")), str(m, "reason"));
      case Change.RuleOverridden.TYPE ->
          new Change.RuleOverridden(
              str(m, "from"),
              str(m, "to"),
              list(m.get("violations")).stream()
                  .map(Codec::list)
                  .map(
                      v ->
                          new RuleViolation(
                              (String) v.get(0), (String) v.get(1), (String) v.get(2)))
                  .toList(),
              str(m, "reason"));
      case Change.RetentionChanged.TYPE ->
          new Change.RetentionChanged(
              AccountId.of(str(m, "account")),
              opt(m, "from").map(RetentionStatus::valueOf),
              RetentionStatus.valueOf(str(m, "to")),
              str(m, "reason"));
      case Change.RecurringRevenueChanged.TYPE ->
          new Change.RecurringRevenueChanged(
              AccountId.of(str(m, "account")),
              money(obj(m.get("from"))),
              money(obj(m.get("to"))),
              RevenueCause.valueOf(str(m, "cause")),
              str(m, "reason"));
      case Change.HealthChecked.TYPE ->
          new Change.HealthChecked(
              AccountId.of(str(m, "account")), Integer.parseInt(str(m, "score")), str(m, "note"));
      case Change.RenewalTermsSet.TYPE ->
          new Change.RenewalTermsSet(
              AccountId.of(str(m, "account")),
              LocalDate.parse(str(m, "renewal")),
              Integer.parseInt(str(m, "termMonths")));
      default -> throw new IllegalArgumentException("unknown change type " + type);
    };
  }

  /** The stored text of each kind of change; adding a kind breaks the build here. */
  private static final class Encoder implements Change.Visitor<String> {
    private final Deal encodedDeal;
    private final String encodedBody;

    Encoder(Deal encodedDeal, String encodedBody) {
      this.encodedDeal = encodedDeal;
      this.encodedBody = encodedBody;
    }

    @Override
    public String visit(Change.Created c) {
      return encodedBody != null && c.deal().equals(encodedDeal)
          ? encodedBody
          : encodeDeal(c.deal());
    }

    @Override
    public String visit(Change.StageChanged c) {
      return Tree.write(map("from", c.from(), "to", c.to()));
    }

    @Override
    public String visit(Change.AmountChanged c) {
      return Tree.write(map("from", money(c.from()), "to", money(c.to())));
    }

    @Override
    public String visit(Change.CloseDateChanged c) {
      return Tree.write(
          map(
              "from",
              c.from().toString(),
              "to",
              c.to().toString(),
              "pushes",
              Integer.toString(c.pushCount())));
    }

    @Override
    public String visit(Change.OwnerChanged c) {
      return Tree.write(map("from", c.from().value(), "to", c.to().value()));
    }

    @Override
    public String visit(Change.CategoryChanged c) {
      return Tree.write(
          map(
              "from",
              c.from().name(),
              "to",
              c.to().name(),
              "byRep",
              Boolean.toString(c.setByRep())));
    }

    @Override
    public String visit(Change.ProbabilityOverrideChanged c) {
      Map<String, Object> m = new LinkedHashMap<>();
      c.from().ifPresent(v -> m.put("from", Double.toString(v)));
      c.to().ifPresent(v -> m.put("to", Double.toString(v)));
      return Tree.write(m);
    }

    @Override
    public String visit(Change.DetailsChanged c) {
      return Tree.write(map("fields", new ArrayList<Object>(c.fields()), "deal", deal(c.deal())));
    }

    @Override
    public String visit(Change.QualificationRecorded c) {
      return Tree.write(qualification(c.result()));
    }

    @Override
    public String visit(Change.ActivityLogged c) {
      Map<String, Object> m = map("activity", c.activity().toString(), "type", c.type().name());
      c.occurredAt().ifPresent(v -> m.put("occurredAt", v.toString()));
      c.dueAt().ifPresent(v -> m.put("dueAt", v.toString()));
      return Tree.write(m);
    }

    @Override
    public String visit(Change.Won c) {
      return Tree.write(closeReason(c.reason()));
    }

    @Override
    public String visit(Change.Lost c) {
      return Tree.write(closeReason(c.reason()));
    }

    @Override
    public String visit(Change.Disqualified c) {
      return Tree.write(closeReason(c.reason()));
    }

    @Override
    public String visit(Change.Reopened c) {
      return Tree.write(map("previous", c.previousStatus().name(), "reason", c.reason()));
    }

    @Override
    public String visit(Change.RuleOverridden c) {
      List<Object> violations = new ArrayList<>();
      for (RuleViolation v : c.violations()) {
        violations.add(List.of(v.rule(), v.field(), v.message()));
      }
      return Tree.write(
          map("from", c.from(), "to", c.to(), "violations", violations, "reason", c.reason()));
    }

    @Override
    public String visit(Change.RetentionChanged c) {
      Map<String, Object> m = map("account", c.account().toString());
      c.from().ifPresent(f -> m.put("from", f.name()));
      m.put("to", c.to().name());
      m.put("reason", c.reason());
      return Tree.write(m);
    }

    @Override
    public String visit(Change.RecurringRevenueChanged c) {
      return Tree.write(
          map(
              "account",
              c.account().toString(),
              "from",
              money(c.from()),
              "to",
              money(c.to()),
              "cause",
              c.cause().name(),
              "reason",
              c.reason()));
    }

    @Override
    public String visit(Change.HealthChecked c) {
      return Tree.write(
          map(
              "account",
              c.account().toString(),
              "score",
              Integer.toString(c.score()),
              "note",
              c.note()));
    }

    @Override
    public String visit(Change.RenewalTermsSet c) {
      return Tree.write(
          map(
              "account",
              c.account().toString(),
              "renewal",
              c.renewalDate().toString(),
              "termMonths",
              Integer.toString(c.termMonths())));
    }
  }
}
