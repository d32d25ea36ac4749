package org.salespipeline.jdbc.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.AttributeValue;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.NeedsAnalysis;
import org.salespipeline.core.Negotiation;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.Proposal;
import org.salespipeline.core.Quota;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.qualification.CriterionResult;
import org.salespipeline.core.qualification.QualificationResult;
import org.salespipeline.core.qualification.Verdict;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;

/**
 * Encodes domain values to stored text and back, exactly: {@code decode(encode(x)).equals(x)} for
 * every value the domain can build. Absent optionals are left out; every scalar is written with its
 * own exact {@code toString}. The change type is stored beside the payload (column {@code
 * change_type}).
 */
public final class Codec {
  private Codec() {}

  // ---------------------------------------------------------------- deals

  public static String encodeDeal(Deal d) {
    return Tree.write(deal(d));
  }

  public static Deal decodeDeal(String text) {
    return deal(obj(Tree.read(text)));
  }

  static Map<String, Object> deal(Deal d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id().toString());
    m.put("ws", d.workspace().value());
    m.put("pipeline", d.pipeline().value());
    m.put("stage", d.stage());
    m.put("status", d.status().name());
    m.put("name", d.name());
    m.put("kind", d.kind().name());
    d.linkedDeal().ifPresent(v -> m.put("linked", v.toString()));
    d.account().ifPresent(v -> m.put("account", v.toString()));
    d.primaryContact().ifPresent(v -> m.put("contact", v.toString()));
    m.put("owner", d.owner().value());
    m.put("amount", money(d.amount()));
    m.put("close", d.expectedCloseDate().toString());
    m.put("pushes", Integer.toString(d.closeDatePushCount()));
    m.put("source", d.source().name());
    m.put("category", d.forecastCategory().name());
    m.put("repCategory", Boolean.toString(d.categorySetByRep()));
    if (d.probabilityOverride().isPresent()) {
      m.put("probability", Double.toString(d.probabilityOverride().getAsDouble()));
    }
    d.nextStep().ifPresent(v -> m.put("nextStep", v));
    d.needsAnalysis()
        .ifPresent(
            v -> m.put("needs", map("pain", v.painPoints(), "requirements", v.requirements())));
    d.proposal().ifPresent(v -> m.put("proposal", proposal(v)));
    d.negotiation().ifPresent(v -> m.put("negotiation", negotiation(v)));
    d.qualification().ifPresent(v -> m.put("qualification", qualification(v)));
    d.closeReason().ifPresent(v -> m.put("closeReason", closeReason(v)));
    List<Object> attributes = new ArrayList<>();
    d.attributes().forEach((k, v) -> attributes.add(List.of(k, attributeType(v), attribute(v))));
    m.put("attributes", attributes);
    m.put("createdAt", d.createdAt().toString());
    m.put("stageEnteredAt", d.stageEnteredAt().toString());
    d.lastActivityAt().ifPresent(v -> m.put("lastActivityAt", v.toString()));
    d.followUpDueAt().ifPresent(v -> m.put("followUpDueAt", v.toString()));
    d.closedAt().ifPresent(v -> m.put("closedAt", v.toString()));
    m.put("version", Long.toString(d.version()));
    m.put("lastSeq", Long.toString(d.lastEventSequence()));
    return m;
  }

  static Deal deal(Map<String, Object> m) {
    Deal.Builder b = Deal.builder();
    b.id(DealId.of(str(m, "id")))
        .workspace(WorkspaceId.of(str(m, "ws")))
        .pipeline(PipelineId.of(str(m, "pipeline")))
        .stage(str(m, "stage"))
        .status(DealStatus.valueOf(str(m, "status")))
        .name(str(m, "name"))
        .kind(DealKind.valueOf(str(m, "kind")))
        .linkedDeal(opt(m, "linked").map(DealId::of))
        .account(opt(m, "account").map(AccountId::of))
        .primaryContact(opt(m, "contact").map(ContactId::of))
        .owner(UserId.of(str(m, "owner")))
        .amount(money(obj(m.get("amount"))))
        .expectedCloseDate(LocalDate.parse(str(m, "close")))
        .closeDatePushCount(Integer.parseInt(str(m, "pushes")))
        .source(DealSource.valueOf(str(m, "source")))
        .forecastCategory(ForecastCategory.valueOf(str(m, "category")))
        .categorySetByRep(Boolean.parseBoolean(str(m, "repCategory")))
        .probabilityOverride(optDouble(m, "probability"))
        .nextStep(opt(m, "nextStep"))
        .needsAnalysis(
            optObj(m, "needs")
                .map(
                    n -> new NeedsAnalysis(strings(n.get("pain")), strings(n.get("requirements")))))
        .proposal(optObj(m, "proposal").map(Codec::proposal))
        .negotiation(optObj(m, "negotiation").map(Codec::negotiation))
        .qualification(optObj(m, "qualification").map(Codec::qualification))
        .closeReason(optObj(m, "closeReason").map(Codec::closeReason))
        .createdAt(Instant.parse(str(m, "createdAt")))
        .stageEnteredAt(Instant.parse(str(m, "stageEnteredAt")))
        .lastActivityAt(opt(m, "lastActivityAt").map(Instant::parse))
        .followUpDueAt(opt(m, "followUpDueAt").map(Instant::parse))
        .closedAt(opt(m, "closedAt").map(Instant::parse))
        .version(Long.parseLong(str(m, "version")))
        .lastEventSequence(Long.parseLong(str(m, "lastSeq")));
    for (Object o : list(m.get("attributes"))) {
      List<Object> a = list(o);
      b.putAttributes((String) a.get(0), attribute((String) a.get(1), (String) a.get(2)));
    }
    return b.build();
  }

  private static String attributeType(AttributeValue v) {
    if (v instanceof AttributeValue.Text) {
      return "text";
    } else if (v instanceof AttributeValue.Number) {
      return "number";
    } else if (v instanceof AttributeValue.Flag) {
      return "flag";
    }
    return "date";
  }

  private static String attribute(AttributeValue v) {
    if (v instanceof AttributeValue.Text t) {
      return t.value();
    } else if (v instanceof AttributeValue.Number n) {
      return n.value().toString();
    } else if (v instanceof AttributeValue.Flag f) {
      return Boolean.toString(f.value());
    }
    return ((AttributeValue.Date) v).value().toString();
  }

  private static AttributeValue attribute(String type, String value) {
    return switch (type) {
      case "text" -> AttributeValue.text(value);
      case "number" -> AttributeValue.number(new BigDecimal(value));
      case "flag" -> AttributeValue.flag(Boolean.parseBoolean(value));
      case "date" -> AttributeValue.date(LocalDate.parse(value));
      default -> throw new IllegalArgumentException("unknown attribute type " + type);
    };
  }

  static Map<String, Object> money(Money money) {
    return map("amount", money.amount().toString(), "currency", money.currency().getCurrencyCode());
  }

  static Money money(Map<String, Object> m) {
    return Money.of(new BigDecimal(str(m, "amount")), str(m, "currency"));
  }

  private static Map<String, Object> proposal(Proposal p) {
    return map(
        "sentAt",
        p.sentAt().toString(),
        "amount",
        money(p.amount()),
        "validUntil",
        p.validUntil().toString());
  }

  private static Proposal proposal(Map<String, Object> m) {
    return new Proposal(
        Instant.parse(str(m, "sentAt")),
        money(obj(m.get("amount"))),
        LocalDate.parse(str(m, "validUntil")));
  }

  private static Map<String, Object> negotiation(Negotiation n) {
    Map<String, Object> m =
        map("discount", n.discountPercent().toString(), "objections", n.openObjections());
    n.acceptedAt().ifPresent(v -> m.put("acceptedAt", v.toString()));
    return m;
  }

  private static Negotiation negotiation(Map<String, Object> m) {
    return new Negotiation(
        new BigDecimal(str(m, "discount")),
        strings(m.get("objections")),
        opt(m, "acceptedAt").map(Instant::parse));
  }

  static Map<String, Object> qualification(QualificationResult q) {
    List<Object> criteria = new ArrayList<>();
    for (CriterionResult c : q.criteria()) {
      criteria.add(
          List.of(c.key(), Boolean.toString(c.met()), Double.toString(c.points()), c.reason()));
    }
    return map(
        "framework",
        q.frameworkKey(),
        "score",
        Integer.toString(q.score()),
        "verdict",
        q.verdict().name(),
        "criteria",
        criteria);
  }

  static QualificationResult qualification(Map<String, Object> m) {
    QualificationResult.Builder b =
        QualificationResult.builder()
            .frameworkKey(str(m, "framework"))
            .score(Integer.parseInt(str(m, "score")))
            .verdict(Verdict.valueOf(str(m, "verdict")));
    for (Object o : list(m.get("criteria"))) {
      List<Object> c = list(o);
      b.addCriteria(
          new CriterionResult(
              (String) c.get(0),
              Boolean.parseBoolean((String) c.get(1)),
              Double.parseDouble((String) c.get(2)),
              (String) c.get(3)));
    }
    return b.build();
  }

  static Map<String, Object> closeReason(CloseReason r) {
    Map<String, Object> m = map("status", r.status().name(), "reason", r.reason());
    r.detail().ifPresent(v -> m.put("detail", v));
    return m;
  }

  static CloseReason closeReason(Map<String, Object> m) {
    return new CloseReason(
        DealStatus.valueOf(str(m, "status")), str(m, "reason"), opt(m, "detail"));
  }

  // ---------------------------------------------------------------- changes

  /** The stored type name of a change: {@link Change#typeName()}, one of the TYPE constants. */
  public static String changeType(Change change) {
    return change.typeName();
  }

  /** Encodes a change; a {@code Created} change is stored as its deal. */
  public static String encodeChange(Change change) {
    return ChangeCodec.encode(change, null, null);
  }

  /**
   * Encodes a change of a commit whose deal is already encoded: a {@code Created} change of that
   * same deal reuses {@code dealBody} instead of encoding the deal a second time.
   */
  static String encodeChange(Change change, Deal deal, String dealBody) {
    return ChangeCodec.encode(change, deal, dealBody);
  }

  /** Decodes a change stored with its type name. */
  public static Change decodeChange(String type, String text) {
    return ChangeCodec.decode(type, obj(Tree.read(text)));
  }

  /**
   * The stored payload of an event: its exact instant (the column holds it at microseconds, for
   * queries) and its change, already encoded.
   */
  public static String encodeEventPayload(Instant at, String encodedChange) {
    return "{\"at\":\"" + at + "\",\"c\":" + encodedChange + "}";
  }

  /** An event payload read back. */
  public record EventPayload(Instant at, Change change) {}

  /** Decodes what {@link #encodeEventPayload} wrote. */
  public static EventPayload decodeEventPayload(String type, String text) {
    Map<String, Object> m = obj(Tree.read(text));
    return new EventPayload(Instant.parse(str(m, "at")), ChangeCodec.decode(type, obj(m.get("c"))));
  }

  // ---------------------------------------------------------------- reference data

  public static String encodeAccount(Account a) {
    Map<String, Object> m = map("id", a.id().toString(), "ws", a.workspace().value());
    m.put("name", a.name());
    a.industry().ifPresent(v -> m.put("industry", v));
    a.website().ifPresent(v -> m.put("website", v));
    a.owner().ifPresent(v -> m.put("owner", v.value()));
    m.put("createdAt", a.createdAt().toString());
    return Tree.write(m);
  }

  public static Account decodeAccount(String text) {
    Map<String, Object> m = obj(Tree.read(text));
    return Account.builder()
        .id(AccountId.of(str(m, "id")))
        .workspace(WorkspaceId.of(str(m, "ws")))
        .name(str(m, "name"))
        .industry(opt(m, "industry"))
        .website(opt(m, "website"))
        .owner(opt(m, "owner").map(UserId::of))
        .createdAt(Instant.parse(str(m, "createdAt")))
        .build();
  }

  public static String encodeContact(Contact c) {
    Map<String, Object> m = map("id", c.id().toString(), "ws", c.workspace().value());
    c.account().ifPresent(v -> m.put("account", v.toString()));
    m.put("name", c.name());
    c.email().ifPresent(v -> m.put("email", v));
    c.phone().ifPresent(v -> m.put("phone", v));
    c.title().ifPresent(v -> m.put("title", v));
    if (c.erased()) {
      m.put("erased", "true");
    }
    return Tree.write(m);
  }

  public static Contact decodeContact(String text) {
    Map<String, Object> m = obj(Tree.read(text));
    return Contact.builder()
        .id(ContactId.of(str(m, "id")))
        .workspace(WorkspaceId.of(str(m, "ws")))
        .account(opt(m, "account").map(AccountId::of))
        .name(str(m, "name"))
        .email(opt(m, "email"))
        .phone(opt(m, "phone"))
        .title(opt(m, "title"))
        .erased(opt(m, "erased").map(Boolean::parseBoolean).orElse(false))
        .build();
  }

  public static String encodeTeam(Team t) {
    Map<String, Object> m = map("id", t.id().value(), "ws", t.workspace().value());
    m.put("name", t.name());
    m.put("manager", t.manager().value());
    m.put("members", t.members().stream().map(UserId::value).toList());
    t.parent().ifPresent(v -> m.put("parent", v.value()));
    return Tree.write(m);
  }

  public static Team decodeTeam(String text) {
    Map<String, Object> m = obj(Tree.read(text));
    return Team.builder()
        .id(TeamId.of(str(m, "id")))
        .workspace(WorkspaceId.of(str(m, "ws")))
        .name(str(m, "name"))
        .manager(UserId.of(str(m, "manager")))
        .members(strings(m.get("members")).stream().map(UserId::of).toList())
        .parent(opt(m, "parent").map(TeamId::of))
        .build();
  }

  public static String encodeQuota(Quota q) {
    Map<String, Object> m = map("ws", q.workspace().value());
    q.owner().ifPresent(v -> m.put("owner", v.value()));
    q.team().ifPresent(v -> m.put("team", v.value()));
    m.put("start", q.periodStart().toString());
    m.put("end", q.periodEnd().toString());
    m.put("amount", money(q.amount()));
    return Tree.write(m);
  }

  public static Quota decodeQuota(String text) {
    Map<String, Object> m = obj(Tree.read(text));
    return Quota.builder()
        .workspace(WorkspaceId.of(str(m, "ws")))
        .owner(opt(m, "owner").map(UserId::of))
        .team(opt(m, "team").map(TeamId::of))
        .periodStart(LocalDate.parse(str(m, "start")))
        .periodEnd(LocalDate.parse(str(m, "end")))
        .amount(money(obj(m.get("amount"))))
        .build();
  }

  public static String encodeActivity(Activity a) {
    Map<String, Object> m = map("id", a.id().toString(), "ws", a.workspace().value());
    a.deal().ifPresent(v -> m.put("deal", v.toString()));
    a.account().ifPresent(v -> m.put("account", v.toString()));
    m.put("type", a.type().name());
    m.put("owner", a.owner().value());
    m.put("subject", a.subject());
    a.occurredAt().ifPresent(v -> m.put("occurredAt", v.toString()));
    a.dueAt().ifPresent(v -> m.put("dueAt", v.toString()));
    a.outcome().ifPresent(v -> m.put("outcome", v));
    m.put("recordedAt", a.recordedAt().toString());
    return Tree.write(m);
  }

  public static Activity decodeActivity(String text) {
    Map<String, Object> m = obj(Tree.read(text));
    return Activity.builder()
        .id(ActivityId.of(str(m, "id")))
        .workspace(WorkspaceId.of(str(m, "ws")))
        .deal(opt(m, "deal").map(DealId::of))
        .account(opt(m, "account").map(AccountId::of))
        .type(ActivityType.valueOf(str(m, "type")))
        .owner(UserId.of(str(m, "owner")))
        .subject(str(m, "subject"))
        .occurredAt(opt(m, "occurredAt").map(Instant::parse))
        .dueAt(opt(m, "dueAt").map(Instant::parse))
        .outcome(opt(m, "outcome"))
        .recordedAt(Instant.parse(str(m, "recordedAt")))
        .build();
  }

  public static String encodeRetention(CustomerRetention r) {
    Map<String, Object> m = map("account", r.account().toString(), "ws", r.workspace().value());
    m.put("status", r.status().name());
    m.put("wonDeal", r.wonDeal().toString());
    m.put("since", r.since().toString());
    r.renewalDate().ifPresent(v -> m.put("renewal", v.toString()));
    m.put("version", Long.toString(r.version()));
    r.recurringValue().ifPresent(v -> m.put("recurring", money(v)));
    r.owner().ifPresent(v -> m.put("owner", v.value()));
    r.nextFollowUp().ifPresent(v -> m.put("nextFollowUp", v.toString()));
    m.put("lastActivity", r.lastActivityAt().toString());
    r.renewalTermMonths().ifPresent(v -> m.put("termMonths", Integer.toString(v)));
    r.healthScore().ifPresent(v -> m.put("health", Integer.toString(v)));
    r.reason().ifPresent(v -> m.put("reason", v));
    return Tree.write(m);
  }

  public static CustomerRetention decodeRetention(String text) {
    Map<String, Object> m = obj(Tree.read(text));
    CustomerRetention.Builder b = CustomerRetention.builder();
    b.account(AccountId.of(str(m, "account")))
        .workspace(WorkspaceId.of(str(m, "ws")))
        .status(RetentionStatus.valueOf(str(m, "status")))
        .wonDeal(DealId.of(str(m, "wonDeal")))
        .since(Instant.parse(str(m, "since")))
        .renewalDate(opt(m, "renewal").map(LocalDate::parse))
        .version(Long.parseLong(str(m, "version")));
    // why: records written before issue 17 lack the customer-success fields; they read as unset
    optObj(m, "recurring").ifPresent(v -> b.recurringValue(money(v)));
    opt(m, "owner").ifPresent(v -> b.owner(UserId.of(v)));
    opt(m, "nextFollowUp").ifPresent(v -> b.nextFollowUp(Instant.parse(v)));
    opt(m, "lastActivity").ifPresent(v -> b.lastActivityAt(Instant.parse(v)));
    opt(m, "termMonths").ifPresent(v -> b.renewalTermMonths(Integer.parseInt(v)));
    opt(m, "health").ifPresent(v -> b.healthScore(Integer.parseInt(v)));
    opt(m, "reason").ifPresent(b::reason);
    return b.build();
  }

  /** Encodes a stage's idle threshold exactly. */
  public static String duration(Optional<Duration> d) {
    return d.map(Duration::toString).orElse(null);
  }

  /** Rebuilds a stage from its stored columns. */
  public static Stage stage(
      String key,
      String displayName,
      String outcome,
      double probability,
      String category,
      String idle) {
    return Stage.builder()
        .key(key)
        .displayName(displayName)
        .outcome(StageOutcome.valueOf(outcome))
        .defaultProbability(probability)
        .defaultCategory(ForecastCategory.valueOf(category))
        .idleThreshold(Optional.ofNullable(idle).map(Duration::parse))
        .build();
  }

  // ---------------------------------------------------------------- tree access

  static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object node) {
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    return (List<Object>) node;
  }

  static List<String> strings(Object node) {
    return list(node).stream().map(String.class::cast).toList();
  }

  static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("stored payload lacks '" + key + "'");
    }
    return (String) v;
  }

  static Optional<String> opt(Map<String, Object> m, String key) {
    return Optional.ofNullable((String) m.get(key));
  }

  private static Optional<Map<String, Object>> optObj(Map<String, Object> m, String key) {
    return Optional.ofNullable(m.get(key)).map(Codec::obj);
  }

  static OptionalDouble optDouble(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble((String) v));
  }
}
