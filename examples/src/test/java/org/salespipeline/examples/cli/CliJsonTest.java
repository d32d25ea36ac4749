package org.salespipeline.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CliJsonTest {
  @Test
  void writesEscapedStringsExactDecimalsAndNullForNaN() {
    Json j = new Json().object();
    j.key("name").value("a \"quoted\"\\ line\nnext\u0001");
    j.key("amount").value(new BigDecimal("1234.50"));
    j.key("ratio").value(0.125);
    j.key("none").value(Double.NaN);
    j.key("list").array().value(1L).value(true).value((String) null).end();
    assertThat(j.end().toString())
        .isEqualTo(
            "{\"name\":\"a \\\"quoted\\\"\\\\ line\\nnext\\u0001\",\"amount\":1234.50,"
                + "\"ratio\":0.125,\"none\":null,\"list\":[1,true,null]}");
  }

  @Test
  void refusesAMalformedDocument() {
    assertThatThrownBy(() -> new Json().object().value("no key"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Json().object().toString())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Json().object().end().object())
        .isInstanceOf(IllegalStateException.class);
  }
}
