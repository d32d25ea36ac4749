package org.salespipeline.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A stable fingerprint of a command's content, stored with its idempotency key so that a reuse of
 * the key by a different command is refused ({@link IdempotencyKeyReusedException}) instead of
 * replayed.
 *
 * <p>The fingerprint is {@code "v1:"} followed by the lowercase hex SHA-256 of the UTF-8 encoding
 * of the command's canonical text: its {@code toString()}, which for the library's commands
 * (immutable values) lists the command type and every attribute in declaration order. Two commands
 * with equal content therefore have equal fingerprints, in any process and any JVM; a command with
 * another deal, stage, amount or any other attribute has another. Maps (a command's attributes) are
 * rendered in their iteration order, so a retry should build them in the same order. A future
 * change of the canonical text gets another version prefix; stores compare fingerprints only when
 * both are present.
 *
 * <p>Stateless and thread-safe.
 */
public final class CommandFingerprint {
  private static final String VERSION = "v1:";

  private CommandFingerprint() {}

  /**
   * The fingerprint of a command.
   *
   * @param command the command; not null; its {@code toString()} must describe all of its content
   * @return {@code "v1:"} and 64 lowercase hex digits
   */
  public static String of(Object command) {
    Objects.requireNonNull(command, "command");
    return of(command.toString());
  }

  /**
   * The fingerprint of a command's canonical text.
   *
   * @param canonicalText the text; not null
   * @return {@code "v1:"} and 64 lowercase hex digits
   */
  public static String of(String canonicalText) {
    Objects.requireNonNull(canonicalText, "canonicalText");
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha256.digest(canonicalText.getBytes(StandardCharsets.UTF_8));
      return VERSION + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      // why: every Java platform must provide SHA-256 (MessageDigest Javadoc)
      throw new IllegalStateException(e);
    }
  }
}
