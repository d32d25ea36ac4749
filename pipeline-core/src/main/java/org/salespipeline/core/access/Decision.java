package org.salespipeline.core.access;

import java.util.Objects;

/**
 * What an {@link AccessPolicy} decided, with the reason: which grant allowed the action, or why
 * none did. The reason goes into the {@link AccessDeniedException} and the log, so it names no
 * secret.
 *
 * @param allowed whether the action is allowed
 * @param reason why, in a few words (for example {@code "owner"} or {@code "manager of bob"})
 */
public record Decision(boolean allowed, String reason) {

  /**
   * @throws NullPointerException if the reason is null
   */
  public Decision {
    Objects.requireNonNull(reason, "reason");
  }

  /** An allowing decision. */
  public static Decision allow(String reason) {
    return new Decision(true, reason);
  }

  /** A refusing decision. */
  public static Decision deny(String reason) {
    return new Decision(false, reason);
  }
}
