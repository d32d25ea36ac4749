package org.salespipeline.forecast.insight;

import java.util.UUID;
import org.salespipeline.core.DealId;

/**
 * Columns of the deals still open at the end of the pass, one row per deal. The table counts its
 * rows in {@link #size} (the columns' own sizes are not kept) and grows all columns together, so
 * that adding a row is one capacity check and plain stores.
 */
final class OpenDealTable {
  final Columns.Longs msb = new Columns.Longs();
  final Columns.Longs lsb = new Columns.Longs();
  final Columns.Ints stage = new Columns.Ints();
  final Columns.Ints owner = new Columns.Ints();
  final Columns.Longs amount = new Columns.Longs();
  final Columns.Ints closeDay = new Columns.Ints();
  final Columns.Ints pushes = new Columns.Ints();
  final Columns.Longs stageEntered = new Columns.Longs();
  final Columns.Longs lastActivity = new Columns.Longs();
  final Columns.Longs followUp = new Columns.Longs();
  final Columns.Ints qualification = new Columns.Ints();
  final Columns.Longs created = new Columns.Longs();
  int size;
  private int capacity;

  OpenDealTable() {
    grow();
  }

  void add(
      DealId id,
      int pipeline,
      int stageIndex,
      int ownerIndex,
      long amountMinor,
      int closeEpochDay,
      int pushCount,
      long enteredSec,
      long activitySec,
      long followUpSec,
      byte qualified,
      long createdSec) {
    int r = size;
    if (r == capacity) {
      grow();
    }
    msb.a[r] = id.value().getMostSignificantBits();
    lsb.a[r] = id.value().getLeastSignificantBits();
    stage.a[r] = stageIndex;
    owner.a[r] = ownerIndex;
    amount.a[r] = amountMinor;
    closeDay.a[r] = closeEpochDay;
    pushes.a[r] = pushCount;
    stageEntered.a[r] = enteredSec;
    lastActivity.a[r] = activitySec;
    followUp.a[r] = followUpSec;
    qualification.a[r] = qualified;
    created.a[r] = createdSec;
    size = r + 1;
  }

  /** Doubles the capacity (1,024 rows at first) of every column. */
  private void grow() {
    capacity = capacity == 0 ? 1024 : capacity * 2;
    Columns.Longs[] longs = {msb, lsb, amount, stageEntered, lastActivity, followUp, created};
    for (Columns.Longs c : longs) {
      c.reserve(capacity);
    }
    for (Columns.Ints c : new Columns.Ints[] {stage, owner, closeDay, pushes, qualification}) {
      c.reserve(capacity);
    }
  }

  DealId id(int row) {
    return new DealId(new UUID(msb.get(row), lsb.get(row)));
  }

  /** The last sign of engagement: the later of the last activity and the stage entry. */
  long engagedAt(int row) {
    return Math.max(lastActivity.a[row], stageEntered.a[row]);
  }

  int find(DealId id) {
    long m = id.value().getMostSignificantBits();
    long l = id.value().getLeastSignificantBits();
    for (int i = 0; i < size; i++) {
      if (msb.a[i] == m && lsb.a[i] == l) {
        return i;
      }
    }
    return -1;
  }
}
