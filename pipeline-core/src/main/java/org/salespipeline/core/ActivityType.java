package org.salespipeline.core;

/** The kinds of activity logged against a deal or an account. */
public enum ActivityType {
  CALL,
  EMAIL,
  MEETING,
  DEMO,
  PROPOSAL_SENT,
  FOLLOW_UP,
  TASK,
  NOTE
}
