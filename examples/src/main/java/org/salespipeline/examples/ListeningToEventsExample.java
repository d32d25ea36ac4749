package org.salespipeline.examples;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.PipelineListener;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * Listening to events: a listener hears the events of every committed command, after the commit;
 * here it posts a line to a (pretend) team chat when a deal is lost and collects what it heard.
 */
public final class ListeningToEventsExample {
  private ListeningToEventsExample() {}

  /** Runs the example; returns the chat messages the listener posted. */
  public static List<String> run() {
    List<String> chat = new CopyOnWriteArrayList<>();
    PipelineListener lostDeals =
        events ->
            events.forEach(
                e -> {
                  if (e.change() instanceof Change.Lost lost) {
                    chat.add(
                        "Deal "
                            + e.dealId()
                            + " lost by "
                            + e.actor()
                            + ": "
                            + lost.reason().reason());
                  }
                });
    SalesPipeline pipeline =
        SalesPipeline.builder().store(new InMemoryPipelineStore()).listener(lostDeals).build();
    UserId rep = UserId.of("alice");
    Deal deal =
        pipeline
            .openDeal(
                OpenDeal.builder()
                    .name("Umbrella pilot")
                    .owner(rep)
                    .actor(rep)
                    .amount(Money.of(12_000, "GBP"))
                    .expectedCloseDate(LocalDate.now().plusWeeks(6))
                    .build())
            .deal();
    pipeline.lose(
        CloseDeal.builder()
            .deal(deal.id())
            .actor(rep)
            .reason("chose competitor")
            .detail("Acme CRM")
            .build());
    chat.forEach(System.out::println);
    return chat;
  }

  /** Entry point. */
  public static void main(String[] args) {
    run();
  }
}
