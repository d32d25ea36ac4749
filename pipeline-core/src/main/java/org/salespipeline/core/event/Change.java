package org.salespipeline.core.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.qualification.QualificationResult;
import org.salespipeline.core.rule.RuleViolation;

/**
 * What one history event changed. Each variant carries what is needed to replay it, so that {@link
 * org.salespipeline.core.DealHistory#replay} rebuilds the deal from its events alone.
 */
public sealed interface Change {

  /** The deal was opened; carries it as it was created. */
  record Created(Deal deal) implements Change {
    public Created {
      Objects.requireNonNull(deal, "deal");
    }
  }

  /** The deal moved between stages (keys). */
  record StageChanged(String from, String to) implements Change {
    public StageChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** The amount changed. */
  record AmountChanged(Money from, Money to) implements Change {
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
    public OwnerChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** The forecast category changed, by the rep or by a stage default. */
  record CategoryChanged(ForecastCategory from, ForecastCategory to, boolean setByRep)
      implements Change {
    public CategoryChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** The rep's probability override was set, changed or cleared (empty). */
  record ProbabilityOverrideChanged(OptionalDouble from, OptionalDouble to) implements Change {
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
    public DetailsChanged {
      fields = Set.copyOf(fields);
      Objects.requireNonNull(deal, "deal");
    }
  }

  /** A qualification was recorded. */
  record QualificationRecorded(QualificationResult result) implements Change {
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
    public ActivityLogged {
      Objects.requireNonNull(activity, "activity");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(occurredAt, "occurredAt");
      Objects.requireNonNull(dueAt, "dueAt");
    }
  }

  /** The deal closed won. */
  record Won(CloseReason reason) implements Change {
    public Won {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The deal closed lost. */
  record Lost(CloseReason reason) implements Change {
    public Lost {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The prospect was disqualified. */
  record Disqualified(CloseReason reason) implements Change {
    public Disqualified {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A closed deal was reopened; the accompanying stage change says where it went. */
  record Reopened(DealStatus previousStatus, String reason) implements Change {
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
    public RuleOverridden {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      violations = List.copyOf(violations);
      Objects.requireNonNull(reason, "reason");
    }
  }
}
