package org.salespipeline.core;

/** Where a prospect came from. */
public enum DealSource {
  COLD_CALL,
  EMAIL_OUTREACH,
  NETWORKING,
  REFERRAL,
  INBOUND,
  PARTNER,
  EVENT,
  OTHER
}
