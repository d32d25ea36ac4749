package org.salespipeline.spring.boot.example;

import java.net.URI;
import java.util.List;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.jackson3.InvalidPipelineJsonException;
import org.salespipeline.json.JsonProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

// --- README spring json controller begins
/** Deals over HTTP with JSON in and out: Boot's JsonMapper has the pipeline's module. */
@RestController
public class DealController {
  private final SalesPipeline pipeline;

  public DealController(SalesPipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** The JSON of an OpenDeal command in, the JSON of the new Deal out. */
  @PostMapping("/deals")
  public ResponseEntity<Deal> open(@RequestBody OpenDeal command) {
    Deal deal = pipeline.openDeal(command).deal();
    return ResponseEntity.created(URI.create("/deals/" + deal.id())).body(deal);
  }

  @GetMapping("/deals/{id}")
  public ResponseEntity<Deal> deal(@PathVariable String id) {
    return ResponseEntity.of(pipeline.deal(DealId.of(id)));
  }

  /** What a 400 answers: every problem of the body, with its JSON path and rule. */
  public record BadRequest(String message, List<JsonProblem> problems) {}

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<BadRequest> unreadable(HttpMessageNotReadableException e) {
    List<JsonProblem> problems =
        e.getMostSpecificCause() instanceof InvalidPipelineJsonException bad
            ? bad.problems() // e.g. [$.amount.currency: is not an ISO 4217 currency code]
            : List.of();
    return ResponseEntity.badRequest().body(new BadRequest("invalid JSON body", problems));
  }
}
// --- README spring json controller ends
