package org.salespipeline.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamedSqlTest {
  @Test
  void namesBecomeQuestionMarksInOrderAndANameMayRepeat() {
    NamedSql sql =
        NamedSql.parse("UPDATE t SET a = :a, b = :b_2 WHERE ws = :ws AND (x = :a OR y = :ws)");
    assertThat(sql.jdbc()).isEqualTo("UPDATE t SET a = ?, b = ? WHERE ws = ? AND (x = ? OR y = ?)");
    assertThat(sql.parameterCount()).isEqualTo(5);
    assertThat(sql.positions("a")).containsExactly(1, 4);
    assertThat(sql.positions("b_2")).containsExactly(2);
    assertThat(sql.positions("ws")).containsExactly(3, 5);
  }

  @Test
  void quotedTextAndCastsAreLeftAlone() {
    NamedSql sql = NamedSql.parse("SELECT ':no', x::text FROM t WHERE id = :id");
    assertThat(sql.jdbc()).isEqualTo("SELECT ':no', x::text FROM t WHERE id = ?");
    assertThat(sql.positions("id")).containsExactly(1);
  }

  @Test
  void anUnknownNameIsRefusedNamingIt() {
    NamedSql sql = NamedSql.parse("SELECT body FROM t WHERE id = :id");
    assertThatThrownBy(() -> sql.positions("workspace"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(":workspace")
        .hasMessageContaining("[id]");
  }

  @Test
  void everyShippedStatementParsesWithTheTablePrefix() {
    Sql sql = new Sql("sp_");
    NamedSql deal = sql.of(Sql.UPDATE_DEAL);
    assertThat(deal.jdbc()).startsWith("UPDATE sp_deals SET").doesNotContain(":");
    assertThat(deal.parameterCount()).isEqualTo(17);
    assertThat(deal.positions("expectedVersion")).containsExactly(16);
    assertThat(sql.of(Sql.UPDATE_DEAL)).isSameAs(deal);
  }
}
