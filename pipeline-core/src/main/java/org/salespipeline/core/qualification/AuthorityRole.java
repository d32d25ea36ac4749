package org.salespipeline.core.qualification;

import java.util.Locale;

/** The role in the buying decision of the person the seller is talking to. */
public enum AuthorityRole {
  /** Signs off on the purchase. */
  DECISION_MAKER,
  /** Shapes the decision without making it (a champion, a technical evaluator). */
  INFLUENCER,
  /** Would use the product but has no say in buying it. */
  USER,
  /** Not found out yet; the default. */
  UNKNOWN;

  /** The role in words, for reasons: {@code decision maker}. */
  String describe() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
