package org.salespipeline.core;

import java.util.Map;
import java.util.Set;
import org.salespipeline.core.command.ChangesDeal;
import org.salespipeline.core.command.DealCommand;
import org.salespipeline.core.internal.Problems;
import org.salespipeline.core.internal.Texts;

/**
 * The input checks several commands share: the actor and idempotency key every command carries,
 * references to accounts and contacts of the workspace, and host attributes. Each adds to a {@link
 * Problems} so that a command reports every problem at once.
 */
final class CommandChecks {
  private final EngineContext context;

  CommandChecks(EngineContext context) {
    this.context = context;
  }

  /**
   * Problems of what every command carries: the actor and the idempotency key.
   *
   * @throws ValidationException on field {@code command} when the command itself is null
   */
  Problems common(DealCommand command) {
    requireCommand(command);
    Problems problems = new Problems();
    problems.notNull("actor", command.actor());
    problems.idempotencyKey(command.idempotencyKey());
    return problems;
  }

  /** Problems of what every command on an existing deal carries: {@link #common} and the deal. */
  Problems onDeal(ChangesDeal command) {
    Problems problems = common(command);
    problems.notNull("deal", command.deal());
    return problems;
  }

  /**
   * Refuses a null command or argument at once, before anything reads it.
   *
   * @throws ValidationException naming the field when the value is null
   */
  static void requireNonNull(String field, Object value) {
    if (value == null) {
      throw new ValidationException(FieldProblem.of(field, null, "must not be null"));
    }
  }

  private static void requireCommand(Object command) {
    requireNonNull("command", command);
  }

  void requireAccount(Problems problems, String field, AccountId account) {
    if (context.ws().account(account).isEmpty()) {
      problems.add(field, account, "is not an account of workspace " + context.workspace());
    }
  }

  void requireContact(Problems problems, String field, ContactId contact) {
    if (context.ws().contact(contact).isEmpty()) {
      problems.add(field, contact, "is not a contact of workspace " + context.workspace());
    }
  }

  static void attributes(
      Problems problems, Map<String, AttributeValue> attributes, Set<String> removals) {
    if (attributes.size() > Problems.MAX_ITEMS) {
      problems.add(
          "attributes",
          attributes.size() + " attributes",
          "must have at most " + Problems.MAX_ITEMS);
    }
    attributes.forEach(
        (key, value) -> {
          if (!Texts.isKey(key)) {
            problems.add("attributes", key, "is not a valid attribute key");
          } else if (value == null) {
            problems.add("attributes." + key, null, "must not be null");
          } else if (value instanceof AttributeValue.Text text) {
            problems.text("attributes." + key, text.value(), Problems.MAX_TEXT, true, false);
          }
        });
    removals.stream()
        .filter(k -> !Texts.isKey(k))
        .forEach(k -> problems.add("removeAttributes", k, "is not a valid attribute key"));
  }
}
