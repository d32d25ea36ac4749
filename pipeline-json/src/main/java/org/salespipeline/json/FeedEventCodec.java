package org.salespipeline.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.FeedEvent;

/**
 * A {@link FeedEvent}: {@code {"position":7,"eventId":"019c.../3","dealId":"019c...","sequence":3,
 * "type":"StageChanged","event":{...}}}. The routing fields are written so a consumer of the JSON
 * can skip an event without looking inside it; reading needs only {@code position} and {@code
 * event}, from which the rest follows (they are ignored on input).
 */
final class FeedEventCodec implements Codec {
  static final FeedEventCodec INSTANCE = new FeedEventCodec();

  private static final List<String> DERIVED = List.of("eventId", "dealId", "sequence", "type");

  private FeedEventCodec() {}

  @Override
  public void write(Object value, JsonWriter out) throws IOException {
    FeedEvent e = (FeedEvent) value;
    out.startObject();
    out.name("position");
    out.number(e.position());
    out.name("eventId");
    out.string(e.eventId());
    out.name("dealId");
    out.string(e.dealId().toString());
    out.name("sequence");
    out.number(e.sequence());
    out.name("type");
    out.string(e.type());
    out.name("event");
    Codecs.forType(DealEvent.class).write(e.event(), out);
    out.endObject();
  }

  @Override
  public Object read(Object json, Path path, Reading reading) {
    if (!(json instanceof Map<?, ?> fields)) {
      throw path.problem("must be an object");
    }
    List<JsonProblem> problems = new ArrayList<>();
    if (reading.failOnUnknownFields()) {
      for (Object name : fields.keySet()) {
        if (!"position".equals(name) && !"event".equals(name) && !DERIVED.contains(name)) {
          problems.add(
              new JsonProblem(path.field((String) name).toString(), "is not a field of FeedEvent"));
        }
      }
    }
    Long position = null;
    Object p = fields.get("position");
    if (p == null) {
      problems.add(new JsonProblem(path.field("position").toString(), "is required"));
    } else {
      try {
        position = (Long) NumberCodec.LONG.read(p, path.field("position"), reading);
        if (position < 1) {
          problems.add(new JsonProblem(path.field("position").toString(), "must be at least 1"));
        }
      } catch (InvalidJsonException e) {
        problems.addAll(e.problems());
      }
    }
    DealEvent event = null;
    Object e = fields.get("event");
    if (e == null) {
      problems.add(new JsonProblem(path.field("event").toString(), "is required"));
    } else {
      try {
        event = (DealEvent) Codecs.forType(DealEvent.class).read(e, path.field("event"), reading);
      } catch (InvalidJsonException bad) {
        problems.addAll(bad.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidJsonException(problems);
    }
    return FeedEvent.of(position, event);
  }
}
