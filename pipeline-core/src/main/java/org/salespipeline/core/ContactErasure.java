package org.salespipeline.core;

import java.time.Instant;
import java.util.Objects;

/**
 * The record of a contact's personal data being erased on request (right to erasure, GDPR art. 17):
 * which contact, who asked the engine to erase it and when. It holds no personal data itself.
 * Immutable.
 *
 * @param contact the erased contact; deals keep referring to it by this id
 * @param erasedBy who ran the erasure
 * @param erasedAt when (the engine's clock)
 */
public record ContactErasure(ContactId contact, UserId erasedBy, Instant erasedAt) {
  public ContactErasure {
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(erasedBy, "erasedBy");
    Objects.requireNonNull(erasedAt, "erasedAt");
  }
}
