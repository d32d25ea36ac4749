package org.salespipeline.spring.boot.example;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.PipelineListener;
import org.springframework.stereotype.Component;

// --- README spring listener begins
/** Hears every committed event, after the host's transaction commits; never of a rollback. */
@Component
public class NewDealsFeed implements PipelineListener {
  private final List<String> opened = new CopyOnWriteArrayList<>();

  @Override
  public void onCommitted(List<DealEvent> events) {
    for (DealEvent e : events) {
      if (e.change() instanceof Change.Created) {
        opened.add(e.dealId().toString());
      }
    }
  }

  public List<String> opened() {
    return List.copyOf(opened);
  }
}
// --- README spring listener ends
