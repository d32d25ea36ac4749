package org.salespipeline.core.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.RevenueCause;
import org.salespipeline.core.UserId;
import org.salespipeline.core.qualification.QualificationResult;
import org.salespipeline.core.rule.RuleViolation;

/**
 * What one history event changed. Each variant carries what is needed to replay it, so that {@link
 * org.salespipeline.core.DealHistory#replay} rebuilds the deal from its events alone.
 */
public sealed interface Change {

  /**
   * The stable name under which stores persist this kind of change, for example {@code
   * "StageChanged"}; each kind declares it as its {@code TYPE} constant, so renaming a class never
   * changes stored data.
   */
  String typeName();

  /**
   * Dispatches to the visitor method for this kind. Prefer this to {@code instanceof} chains:
   * adding a kind adds a method to {@link Visitor}, so every place that interprets changes stops
   * compiling until it handles the new kind.
   *
   * @param visitor the interpretation to apply
   * @param <R> what the visitor returns ({@link Void} when nothing)
   * @return the visitor's result
   */
  <R> R accept(Visitor<R> visitor);

  /** Every stored type name, one per kind, in declaration order. */
  List<String> TYPE_NAMES =
      List.of(
          Created.TYPE,
          StageChanged.TYPE,
          AmountChanged.TYPE,
          CloseDateChanged.TYPE,
          OwnerChanged.TYPE,
          CategoryChanged.TYPE,
          ProbabilityOverrideChanged.TYPE,
          DetailsChanged.TYPE,
          QualificationRecorded.TYPE,
          ActivityLogged.TYPE,
          Won.TYPE,
          Lost.TYPE,
          Disqualified.TYPE,
          Reopened.TYPE,
          RuleOverridden.TYPE,
          RetentionChanged.TYPE,
          RecurringRevenueChanged.TYPE,
          HealthChecked.TYPE,
          RenewalTermsSet.TYPE);

  /**
   * One method per kind of change: an exhaustive, compile-checked interpretation of the sealed
   * hierarchy.
   *
   * @param <R> the result of each visit
   */
  interface Visitor<R> {
    /**
     * Visits a {@link Created}.
     *
     * @param change the change
     * @return the result
     */
    R visit(Created change);

    /**
     * Visits a {@link StageChanged}.
     *
     * @param change the change
     * @return the result
     */
    R visit(StageChanged change);

    /**
     * Visits a {@link AmountChanged}.
     *
     * @param change the change
     * @return the result
     */
    R visit(AmountChanged change);

    /**
     * Visits a {@link CloseDateChanged}.
     *
     * @param change the change
     * @return the result
     */
    R visit(CloseDateChanged change);

    /**
     * Visits a {@link OwnerChanged}.
     *
     * @param change the change
     * @return the result
     */
    R visit(OwnerChanged change);

    /**
     * Visits a {@link CategoryChanged}.
     *
     * @param change the change
     * @return the result
     */
    R visit(CategoryChanged change);

    /**
     * Visits a {@link ProbabilityOverrideChanged}.
     *
     * @param change the change
     * @return the result
     */
    R visit(ProbabilityOverrideChanged change);

    /**
     * Visits a {@link DetailsChanged}.
     *
     * @param change the change
     * @return the result
     */
    R visit(DetailsChanged change);

    /**
     * Visits a {@link QualificationRecorded}.
     *
     * @param change the change
     * @return the result
     */
    R visit(QualificationRecorded change);

    /**
     * Visits a {@link ActivityLogged}.
     *
     * @param change the change
     * @return the result
     */
    R visit(ActivityLogged change);

    /**
     * Visits a {@link Won}.
     *
     * @param change the change
     * @return the result
     */
    R visit(Won change);

    /**
     * Visits a {@link Lost}.
     *
     * @param change the change
     * @return the result
     */
    R visit(Lost change);

    /**
     * Visits a {@link Disqualified}.
     *
     * @param change the change
     * @return the result
     */
    R visit(Disqualified change);

    /**
     * Visits a {@link Reopened}.
     *
     * @param change the change
     * @return the result
     */
    R visit(Reopened change);

    /**
     * Visits a {@link RuleOverridden}.
     *
     * @param change the change
     * @return the result
     */
    R visit(RuleOverridden change);

    /**
     * Visits a {@link RetentionChanged}.
     *
     * @param change the change
     * @return the result
     */
    R visit(RetentionChanged change);

    /**
     * Visits a {@link RecurringRevenueChanged}.
     *
     * @param change the change
     * @return the result
     */
    R visit(RecurringRevenueChanged change);

    /**
     * Visits a {@link HealthChecked}.
     *
     * @param change the change
     * @return the result
     */
    R visit(HealthChecked change);

    /**
     * Visits a {@link RenewalTermsSet}.
     *
     * @param change the change
     * @return the result
     */
    R visit(RenewalTermsSet change);
  }

  /** The deal was opened; carries it as it was created. */
  record Created(Deal deal) implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "Created";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Created {
      Objects.requireNonNull(deal, "deal");
    }
  }

  /** The deal moved between stages (keys). */
  record StageChanged(String from, String to) implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "StageChanged";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public StageChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** The amount changed. */
  record AmountChanged(Money from, Money to) implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "AmountChanged";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public AmountChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * The expected close date changed; {@code pushCount} is the deal's running count of moves to a
   * later date, this one included.
   */
  record CloseDateChanged(LocalDate from, LocalDate to, int pushCount) implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "CloseDateChanged";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public CloseDateChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    /** Whether this change moved the date later. */
    public boolean isPush() {
      return to.isAfter(from);
    }
  }

  /** The owner changed. */
  record OwnerChanged(UserId from, UserId to) implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "OwnerChanged";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public OwnerChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** The forecast category changed, by the rep or by a stage default. */
  record CategoryChanged(ForecastCategory from, ForecastCategory to, boolean setByRep)
      implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "CategoryChanged";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public CategoryChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** The rep's probability override was set, changed or cleared (empty). */
  record ProbabilityOverrideChanged(OptionalDouble from, OptionalDouble to) implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "ProbabilityOverrideChanged";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public ProbabilityOverrideChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * Descriptive fields changed (name, account, contact, source, next step, needs analysis,
   * proposal, negotiation, attributes, kind, link); {@code deal} holds the values after the change
   * and {@code fields} names the ones that changed.
   */
  record DetailsChanged(Set<String> fields, Deal deal) implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "DetailsChanged";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public DetailsChanged {
      fields = Set.copyOf(fields);
      Objects.requireNonNull(deal, "deal");
    }
  }

  /** A qualification was recorded. */
  record QualificationRecorded(QualificationResult result) implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "QualificationRecorded";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public QualificationRecorded {
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * An activity was logged (it has {@code occurredAt}) or a follow-up scheduled (it has {@code
   * dueAt}).
   */
  record ActivityLogged(
      ActivityId activity, ActivityType type, Optional<Instant> occurredAt, Optional<Instant> dueAt)
      implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "ActivityLogged";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public ActivityLogged {
      Objects.requireNonNull(activity, "activity");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(occurredAt, "occurredAt");
      Objects.requireNonNull(dueAt, "dueAt");
    }
  }

  /** The deal closed won. */
  record Won(CloseReason reason) implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "Won";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Won {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The deal closed lost. */
  record Lost(CloseReason reason) implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "Lost";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Lost {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The prospect was disqualified. */
  record Disqualified(CloseReason reason) implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "Disqualified";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Disqualified {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A closed deal was reopened; the accompanying stage change says where it went. */
  record Reopened(DealStatus previousStatus, String reason) implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "Reopened";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public Reopened {
      Objects.requireNonNull(previousStatus, "previousStatus");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Stage rules were overridden explicitly: who (the event's actor) moved the deal despite these
   * violations, and why.
   */
  record RuleOverridden(String from, String to, List<RuleViolation> violations, String reason)
      implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "RuleOverridden";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public RuleOverridden {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      violations = List.copyOf(violations);
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The account's retention status changed, recorded in the history of its anchoring won deal
   * ({@link org.salespipeline.core.CustomerRetention#wonDeal()}) without changing the deal.
   *
   * @param account the customer account
   * @param from the status before; empty when the account enters retention for the first time
   * @param to the status after
   * @param reason why, as the person gave it (at-risk and churn reasons); may be empty
   */
  record RetentionChanged(
      AccountId account, Optional<RetentionStatus> from, RetentionStatus to, String reason)
      implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "RetentionChanged";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public RetentionChanged {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The account's recurring revenue (annual value) changed: a new customer, an expansion, a renewal
   * at new terms, a partial or full churn, or a reactivation. Retention metrics fold these.
   *
   * @param account the customer account
   * @param from the recurring value before (zero for a new customer), same currency as {@code to}
   * @param to the recurring value after (zero after a full churn)
   * @param cause what moved the revenue
   * @param reason the churn reason, or a note; may be empty
   */
  record RecurringRevenueChanged(
      AccountId account, Money from, Money to, RevenueCause cause, String reason)
      implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "RecurringRevenueChanged";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public RecurringRevenueChanged {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(reason, "reason");
      if (!from.currency().equals(to.currency())) {
        throw new IllegalArgumentException(
            "recurring revenue changes keep one currency, were " + from + " and " + to);
      }
    }
  }

  /**
   * A customer-success health check of the account.
   *
   * @param account the customer account
   * @param score the health score, 0 (lost) to 100 (thriving)
   * @param note what the check found; may be empty
   */
  record HealthChecked(AccountId account, int score, String note) implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "HealthChecked";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public HealthChecked {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(note, "note");
      if (score < 0 || score > 100) {
        throw new IllegalArgumentException("health score must be within [0, 100], was " + score);
      }
    }
  }

  /**
   * The account's renewal date and term were set.
   *
   * @param account the customer account
   * @param renewalDate the next renewal date
   * @param termMonths the length of the term being renewed, in months (at least 1)
   */
  record RenewalTermsSet(AccountId account, LocalDate renewalDate, int termMonths)
      implements Change {
    /** The stored name of this kind; never changes when the class is renamed. */
    public static final String TYPE = "RenewalTermsSet";

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    public RenewalTermsSet {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(renewalDate, "renewalDate");
      if (termMonths < 1) {
        throw new IllegalArgumentException("termMonths must be at least 1, was " + termMonths);
      }
    }
  }
}
