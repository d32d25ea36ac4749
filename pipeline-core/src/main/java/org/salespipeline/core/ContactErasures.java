package org.salespipeline.core;

import java.util.List;
import java.util.Optional;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.store.Redaction;

/** Erases a contact's personal data through the store and records who did it and when. */
final class ContactErasures {
  private final EngineContext context;

  ContactErasures(EngineContext context) {
    this.context = context;
  }

  ContactErasure erase(ContactId contactId, UserId actor) {
    List<FieldProblem> problems = new java.util.ArrayList<>();
    if (contactId == null) {
      problems.add(FieldProblem.of("contact", null, "must not be null"));
    }
    if (actor == null) {
      problems.add(FieldProblem.of("actor", null, "must not be null"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    context.access().requireWorkspace(actor, Action.ADMIN);
    Contact contact =
        context
            .ws()
            .contact(contactId)
            .orElseThrow(
                () ->
                    new ValidationException(
                        FieldProblem.of(
                            "contact", contactId, "is not a contact of this workspace")));
    if (contact.erased()) {
      // why: a retried request must not fail; the first erasure is the one on record
      Optional<ContactErasure> first =
          context.ws().contactErasures().stream()
              .filter(e -> e.contact().equals(contactId))
              .findFirst();
      if (first.isPresent()) {
        return first.get();
      }
    }
    ContactErasure erasure = new ContactErasure(contactId, actor, context.now());
    context.ws().eraseContact(erasure, Redaction.of(contact));
    return erasure;
  }
}
