package org.salespipeline.core.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salespipeline.core.Activity;
import org.salespipeline.core.AttributeValue;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.Contact;
import org.salespipeline.core.Deal;
import org.salespipeline.core.NeedsAnalysis;
import org.salespipeline.core.Negotiation;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.qualification.CriterionResult;
import org.salespipeline.core.qualification.QualificationResult;
import org.salespipeline.core.rule.RuleViolation;

/**
 * What erasing one contact's personal data does to every stored copy: the contact loses its name,
 * e-mail, phone and title; every free text of the workspace loses each occurrence of the contact's
 * name, e-mail and phone (ignoring case), replaced by {@value #MARK}.
 *
 * <p>Free text is: a deal's name, next step, needs analysis, open objections, close reason and
 * detail, text attributes and qualification reasons (in the deal and in every event payload that
 * carries them: creations, detail changes, qualifications, closes, reopens and rule overrides), and
 * an activity's subject and outcome. Ids, owners, stages, amounts, dates and sequences stay, so
 * histories replay as before with the personal text gone. Strings shorter than {@value #MIN_LENGTH}
 * characters are cleared from the contact but not searched for in other text, where they would hit
 * unrelated words.
 *
 * <p>Stores apply one redaction to every record of the workspace in {@link
 * WorkspaceStore#eraseContact}; each method returns its argument itself when nothing in it changes,
 * so a store rewrites only what changed ({@code redacted != original}). Immutable and thread-safe.
 */
public final class Redaction {
  /** What every erased occurrence is replaced by. */
  public static final String MARK = Contact.ERASED_NAME;

  /** The shortest personal string searched for in free text. */
  public static final int MIN_LENGTH = 3;

  private final Contact contact;
  private final List<String> strings;
  private final Pattern pattern;

  private Redaction(Contact contact) {
    this.contact = contact;
    List<String> found = new ArrayList<>();
    addIfLong(found, contact.name());
    contact.email().ifPresent(e -> addIfLong(found, e));
    contact.phone().ifPresent(p -> addIfLong(found, p));
    // why: the longest first, so a name inside an e-mail address does not leave the rest behind
    found.sort((a, b) -> Integer.compare(b.length(), a.length()));
    this.strings = List.copyOf(found);
    this.pattern =
        found.isEmpty()
            ? null
            : Pattern.compile(
                String.join("|", found.stream().map(Pattern::quote).toList()),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static void addIfLong(List<String> found, String s) {
    String stripped = s.strip();
    if (stripped.length() >= MIN_LENGTH && !stripped.equals(MARK) && !found.contains(stripped)) {
      found.add(stripped);
    }
  }

  /**
   * The redaction of this contact's personal data.
   *
   * @param contact the contact as stored before the erasure, not null
   */
  public static Redaction of(Contact contact) {
    return new Redaction(Objects.requireNonNull(contact, "contact"));
  }

  /** The personal strings searched for in free text, longest first. */
  public List<String> personalStrings() {
    return strings;
  }

  /** The contact with its personal fields gone and {@link Contact#erased()} set. */
  public Contact erasedContact() {
    return Contact.builder()
        .from(contact)
        .name(MARK)
        .email(Optional.empty())
        .phone(Optional.empty())
        .title(Optional.empty())
        .erased(true)
        .build();
  }

  /** Whether the text holds one of the personal strings (ignoring case). */
  public boolean mentions(String text) {
    return pattern != null && text != null && pattern.matcher(text).find();
  }

  /** The text with every personal string replaced by {@value #MARK}; the same instance if none. */
  public String text(String text) {
    if (!mentions(text)) {
      return text;
    }
    return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(MARK));
  }

  private Optional<String> text(Optional<String> text) {
    if (text.isEmpty() || !mentions(text.get())) {
      return text;
    }
    return Optional.of(text(text.get()));
  }

  private List<String> texts(List<String> texts) {
    if (texts.stream().noneMatch(this::mentions)) {
      return texts;
    }
    return texts.stream().map(this::text).toList();
  }

  /** The deal with its free text redacted; the same instance if nothing changed. */
  public Deal deal(Deal deal) {
    Deal.Builder b = Deal.builder().from(deal);
    boolean changed = false;
    String name = text(deal.name());
    if (name != deal.name()) {
      b.name(name);
      changed = true;
    }
    Optional<String> nextStep = text(deal.nextStep());
    if (nextStep != deal.nextStep()) {
      b.nextStep(nextStep);
      changed = true;
    }
    if (deal.needsAnalysis().isPresent()) {
      NeedsAnalysis n = deal.needsAnalysis().get();
      List<String> pains = texts(n.painPoints());
      List<String> requirements = texts(n.requirements());
      if (pains != n.painPoints() || requirements != n.requirements()) {
        b.needsAnalysis(new NeedsAnalysis(pains, requirements));
        changed = true;
      }
    }
    if (deal.negotiation().isPresent()) {
      Negotiation n = deal.negotiation().get();
      List<String> objections = texts(n.openObjections());
      if (objections != n.openObjections()) {
        b.negotiation(new Negotiation(n.discountPercent(), objections, n.acceptedAt()));
        changed = true;
      }
    }
    if (deal.closeReason().isPresent()) {
      CloseReason r = closeReason(deal.closeReason().get());
      if (r != deal.closeReason().get()) {
        b.closeReason(r);
        changed = true;
      }
    }
    if (deal.qualification().isPresent()) {
      QualificationResult q = qualification(deal.qualification().get());
      if (q != deal.qualification().get()) {
        b.qualification(q);
        changed = true;
      }
    }
    Map<String, AttributeValue> attributes = attributes(deal.attributes());
    if (attributes != deal.attributes()) {
      b.attributes(attributes);
      changed = true;
    }
    return changed ? b.build() : deal;
  }

  private Map<String, AttributeValue> attributes(Map<String, AttributeValue> attributes) {
    boolean any =
        attributes.values().stream()
            .anyMatch(v -> v instanceof AttributeValue.Text t && mentions(t.value()));
    if (!any) {
      return attributes;
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    attributes.forEach(
        (k, v) ->
            out.put(
                k,
                v instanceof AttributeValue.Text t ? new AttributeValue.Text(text(t.value())) : v));
    return out;
  }

  private CloseReason closeReason(CloseReason r) {
    String reason = text(r.reason());
    Optional<String> detail = text(r.detail());
    return reason == r.reason() && detail == r.detail()
        ? r
        : new CloseReason(r.status(), reason, detail);
  }

  private QualificationResult qualification(QualificationResult q) {
    if (q.criteria().stream().noneMatch(c -> mentions(c.reason()))) {
      return q;
    }
    List<CriterionResult> criteria =
        q.criteria().stream()
            .map(c -> new CriterionResult(c.key(), c.met(), c.points(), text(c.reason())))
            .toList();
    return QualificationResult.builder().from(q).criteria(criteria).build();
  }

  /** The activity with its subject and outcome redacted; the same instance if nothing changed. */
  public Activity activity(Activity activity) {
    String subject = text(activity.subject());
    Optional<String> outcome = text(activity.outcome());
    if (subject == activity.subject() && outcome == activity.outcome()) {
      return activity;
    }
    return Activity.builder().from(activity).subject(subject).outcome(outcome).build();
  }

  /** The change (an event's payload) redacted; the same instance if nothing changed. */
  public Change change(Change change) {
    return change.accept(changes);
  }

  /** The event with its payload redacted; the same instance if nothing changed. */
  public DealEvent event(DealEvent event) {
    Change change = event.change().accept(changes);
    return change == event.change()
        ? event
        : new DealEvent(
            event.dealId(),
            event.sequence(),
            event.dealVersion(),
            event.at(),
            event.actor(),
            event.idempotencyKey(),
            change);
  }

  private final Change.Visitor<Change> changes =
      new Change.Visitor<>() {
        @Override
        public Change visit(Change.Created c) {
          Deal d = deal(c.deal());
          return d == c.deal() ? c : new Change.Created(d);
        }

        @Override
        public Change visit(Change.StageChanged c) {
          return c;
        }

        @Override
        public Change visit(Change.AmountChanged c) {
          return c;
        }

        @Override
        public Change visit(Change.CloseDateChanged c) {
          return c;
        }

        @Override
        public Change visit(Change.OwnerChanged c) {
          return c;
        }

        @Override
        public Change visit(Change.CategoryChanged c) {
          return c;
        }

        @Override
        public Change visit(Change.ProbabilityOverrideChanged c) {
          return c;
        }

        @Override
        public Change visit(Change.DetailsChanged c) {
          Deal d = deal(c.deal());
          return d == c.deal() ? c : new Change.DetailsChanged(c.fields(), d);
        }

        @Override
        public Change visit(Change.QualificationRecorded c) {
          QualificationResult q = qualification(c.result());
          return q == c.result() ? c : new Change.QualificationRecorded(q);
        }

        @Override
        public Change visit(Change.ActivityLogged c) {
          return c;
        }

        @Override
        public Change visit(Change.Won c) {
          CloseReason r = closeReason(c.reason());
          return r == c.reason() ? c : new Change.Won(r);
        }

        @Override
        public Change visit(Change.Lost c) {
          CloseReason r = closeReason(c.reason());
          return r == c.reason() ? c : new Change.Lost(r);
        }

        @Override
        public Change visit(Change.Disqualified c) {
          CloseReason r = closeReason(c.reason());
          return r == c.reason() ? c : new Change.Disqualified(r);
        }

        @Override
        public Change visit(Change.Reopened c) {
          String reason = text(c.reason());
          return reason == c.reason() ? c : new Change.Reopened(c.previousStatus(), reason);
        }

        @Override
        public Change visit(Change.RuleOverridden c) {
          String reason = text(c.reason());
          boolean violations = c.violations().stream().anyMatch(v -> mentions(v.message()));
          if (reason == c.reason() && !violations) {
            return c;
          }
          List<RuleViolation> redacted =
              c.violations().stream()
                  .map(v -> new RuleViolation(v.rule(), v.field(), text(v.message())))
                  .toList();
          return new Change.RuleOverridden(c.from(), c.to(), redacted, reason);
        }

        @Override
        public Change visit(Change.RetentionChanged c) {
          String reason = text(c.reason());
          return reason == c.reason()
              ? c
              : new Change.RetentionChanged(c.account(), c.from(), c.to(), reason);
        }

        @Override
        public Change visit(Change.RecurringRevenueChanged c) {
          String reason = text(c.reason());
          return reason == c.reason()
              ? c
              : new Change.RecurringRevenueChanged(
                  c.account(), c.from(), c.to(), c.cause(), reason);
        }

        @Override
        public Change visit(Change.HealthChecked c) {
          String note = text(c.note());
          return note == c.note() ? c : new Change.HealthChecked(c.account(), c.score(), note);
        }

        @Override
        public Change visit(Change.RenewalTermsSet c) {
          return c;
        }
      };
}
