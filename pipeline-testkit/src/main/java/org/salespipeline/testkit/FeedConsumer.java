package org.salespipeline.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.salespipeline.core.DealId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.EventFeed;
import org.salespipeline.core.event.FeedEvent;
import org.salespipeline.core.event.FeedPage;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * A feed consumer that stores its position after some pages and crashes at random moments (also
 * half-way through a page, before storing the position); a crash loses everything but the stored
 * position, and a new reader over a new store view resumes from it.
 */
final class FeedConsumer {
  final Map<String, DealEvent> delivered = new HashMap<>();
  final List<String> outOfOrder = new ArrayList<>();
  final List<String> duplicatesWithoutResume = new ArrayList<>();
  int crashes;

  private FeedConsumer() {}

  static FeedConsumer run(Supplier<WorkspaceStore> views, AtomicInteger writing, long seed) {
    FeedConsumer consumer = new FeedConsumer();
    Random random = new Random(seed);
    long storedPosition = EventFeed.START;
    // what this consumer has handled since its last restart, and the last sequence per deal
    Set<String> handledThisSession = new HashSet<>();
    Map<DealId, Long> lastSequence = new HashMap<>();
    Set<String> handledBeforeACrash = new HashSet<>();
    EventFeed feed = EventFeed.of(views.get());
    long position = storedPosition;
    while (true) {
      boolean writersDone = writing.get() == 0;
      FeedPage page = feed.read(position, 1 + random.nextInt(25));
      if (page.isEmpty()) {
        if (writersDone) {
          return consumer;
        }
        Thread.yield();
        continue;
      }
      int crashAt = random.nextInt(8) == 0 ? random.nextInt(page.events().size()) : -1;
      for (int i = 0; i < page.events().size(); i++) {
        if (i == crashAt) {
          break;
        }
        FeedEvent e = page.events().get(i);
        DealEvent event = e.event();
        String id = e.eventId();
        if (!handledThisSession.add(id)) {
          consumer.duplicatesWithoutResume.add(id);
        } else if (consumer.delivered.containsKey(id) && !handledBeforeACrash.contains(id)) {
          consumer.duplicatesWithoutResume.add(id);
        }
        long last = lastSequence.getOrDefault(event.dealId(), 0L);
        boolean replay = handledBeforeACrash.contains(id);
        if (!replay && event.sequence() != last + 1) {
          consumer.outOfOrder.add(id + " after sequence " + last);
        }
        lastSequence.merge(event.dealId(), event.sequence(), Math::max);
        consumer.delivered.put(id, event);
      }
      if (crashAt >= 0) {
        // crash: forget everything but the stored position; start a new reader
        consumer.crashes++;
        handledBeforeACrash.addAll(handledThisSession);
        handledThisSession.clear();
        feed = EventFeed.of(views.get());
        position = storedPosition;
        continue;
      }
      position = page.nextPosition();
      if (random.nextInt(3) == 0) {
        storedPosition = position;
      }
    }
  }

  List<String> missing(Set<String> stored) {
    return stored.stream().filter(id -> !delivered.containsKey(id)).sorted().toList();
  }
}
