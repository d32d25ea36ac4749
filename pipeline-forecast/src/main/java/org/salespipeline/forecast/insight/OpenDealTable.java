package org.salespipeline.forecast.insight;

import java.util.UUID;
import org.salespipeline.core.DealId;

/** Columns of the deals still open at the end of the pass, one row per deal. */
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
    msb.add(id.value().getMostSignificantBits());
    lsb.add(id.value().getLeastSignificantBits());
    stage.add(stageIndex);
    owner.add(ownerIndex);
    amount.add(amountMinor);
    closeDay.add(closeEpochDay);
    pushes.add(pushCount);
    stageEntered.add(enteredSec);
    lastActivity.add(activitySec);
    followUp.add(followUpSec);
    qualification.add(qualified);
    created.add(createdSec);
    size++;
  }

  DealId id(int row) {
    return new DealId(new UUID(msb.get(row), lsb.get(row)));
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
