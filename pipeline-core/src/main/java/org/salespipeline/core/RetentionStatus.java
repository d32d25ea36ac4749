package org.salespipeline.core;

/** Where a customer stands after a won deal (the Post-Sale/Retention part of the pipeline). */
public enum RetentionStatus {
  ONBOARDING,
  ACTIVE,
  RENEWAL_DUE,
  AT_RISK,
  RENEWED,
  CHURNED
}
