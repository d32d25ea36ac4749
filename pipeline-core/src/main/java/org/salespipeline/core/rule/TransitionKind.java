package org.salespipeline.core.rule;

/** Why a deal changes stage. */
public enum TransitionKind {
  /** A move between open stages. */
  MOVE,
  /** Closing won. */
  WIN,
  /** Closing lost. */
  LOSE,
  /** Disqualifying the prospect. */
  DISQUALIFY,
  /** Reopening a closed deal. */
  REOPEN
}
