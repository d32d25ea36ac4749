package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.Quota;
import org.salespipeline.core.Team;
import org.salespipeline.core.UserId;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;

/**
 * The reference data of a workspace: pipelines (with their stages), accounts, contacts, teams and
 * quotas. Each save is one transaction that updates the row or, when there is none, inserts it.
 */
final class ReferenceTables {
  private final TableContext t;

  ReferenceTables(TableContext t) {
    this.t = t;
  }

  void savePipeline(PipelineDefinition pipeline) {
    String id = pipeline.id().value();
    t.tx()
        .inTransaction(
            "saving pipeline " + pipeline.id(),
            c -> {
              upsert(
                  c,
                  Sql.UPDATE_PIPELINE,
                  Sql.INSERT_PIPELINE,
                  s -> s.text("name", pipeline.name()).text("workspace", t.ws()).text("id", id));
              try (NamedStatement s = t.prepare(c, Sql.DELETE_STAGES)) {
                s.text("workspace", t.ws()).text("id", id).executeUpdate();
              }
              try (NamedStatement s = t.prepare(c, Sql.INSERT_STAGE)) {
                int position = 0;
                for (Stage stage : pipeline.stages()) {
                  s.text("workspace", t.ws())
                      .text("id", id)
                      .integer("position", position++)
                      .text("stageKey", stage.key())
                      .text("displayName", stage.displayName())
                      .text("outcome", stage.outcome().name())
                      .real("probability", stage.defaultProbability())
                      .text("category", stage.defaultCategory().name())
                      .text("idleThreshold", Codec.duration(stage.idleThreshold()));
                  s.addBatch();
                }
                s.executeBatch();
              }
              return null;
            });
  }

  Optional<PipelineDefinition> pipeline(PipelineId pipelineId) {
    List<PipelineDefinition> found =
        t.tx()
            .read(
                "reading pipeline " + pipelineId,
                c -> {
                  try (NamedStatement s = t.prepare(c, Sql.SELECT_PIPELINE)) {
                    s.text("workspace", t.ws()).text("id", pipelineId.value());
                    return pipelines(s);
                  }
                });
    return found.stream().findFirst();
  }

  List<PipelineDefinition> pipelines() {
    List<PipelineDefinition> all =
        new ArrayList<>(
            t.tx()
                .read(
                    "reading pipelines",
                    c -> {
                      try (NamedStatement s = t.prepare(c, Sql.SELECT_PIPELINES)) {
                        s.text("workspace", t.ws());
                        return pipelines(s);
                      }
                    }));
    all.sort(Comparator.comparing(PipelineDefinition::id));
    return List.copyOf(all);
  }

  private static List<PipelineDefinition> pipelines(NamedStatement s) throws SQLException {
    List<PipelineDefinition> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      String currentId = null;
      String currentName = null;
      List<Stage> stages = new ArrayList<>();
      while (rs.next()) {
        String pid = rs.getString(1);
        if (!pid.equals(currentId)) {
          if (currentId != null) {
            out.add(definition(currentId, currentName, stages));
          }
          currentId = pid;
          currentName = rs.getString(2);
          stages = new ArrayList<>();
        }
        String stageKey = rs.getString(3);
        String displayName = rs.getString(4);
        String outcome = rs.getString(5);
        double probability = rs.getDouble(6);
        String category = rs.getString(7);
        String idle = rs.getString(8);
        // why: a stage row changed by hand is named, not an untyped error (issue 14, item 8)
        stages.add(
            Corrupt.decode(
                "pipeline_stages",
                pid + "/" + stageKey,
                () -> Codec.stage(stageKey, displayName, outcome, probability, category, idle)));
      }
      if (currentId != null) {
        out.add(definition(currentId, currentName, stages));
      }
    }
    return out;
  }

  private static PipelineDefinition definition(String id, String name, List<Stage> stages) {
    return Corrupt.decode(
        "pipelines",
        id,
        () -> PipelineDefinition.builder().id(PipelineId.of(id)).name(name).stages(stages).build());
  }

  void saveAccount(Account account) {
    String body = Codec.encodeAccount(account);
    String nameFolded = SearchText.folded("name", account.name());
    Optional<String> industryFolded = account.industry().map(i -> SearchText.folded("industry", i));
    t.tx()
        .inTransaction(
            "saving account " + account.id(),
            c ->
                upsert(
                    c,
                    Sql.UPDATE_ACCOUNT,
                    Sql.INSERT_ACCOUNT,
                    s ->
                        s.text("owner", account.owner())
                            .text("body", body)
                            .text("nameFolded", nameFolded)
                            .text("industryFolded", industryFolded)
                            .text("workspace", t.ws())
                            .text("id", account.id().toString())));
  }

  Optional<Account> account(AccountId accountId) {
    return t.readDecoded(
        Sql.SELECT_ACCOUNT, "accounts", "id", accountId.toString(), Codec::decodeAccount);
  }

  void saveContact(Contact contact) {
    String body = Codec.encodeContact(contact);
    String nameFolded = SearchText.folded("name", contact.name());
    t.tx()
        .inTransaction(
            "saving contact " + contact.id(),
            c ->
                upsert(
                    c,
                    Sql.UPDATE_CONTACT,
                    Sql.INSERT_CONTACT,
                    s ->
                        s.text("account", contact.account())
                            .text("body", body)
                            .text("nameFolded", nameFolded)
                            .text("workspace", t.ws())
                            .text("id", contact.id().toString())));
  }

  Optional<Contact> contact(ContactId contactId) {
    return t.readDecoded(
        Sql.SELECT_CONTACT, "contacts", "id", contactId.toString(), Codec::decodeContact);
  }

  void saveTeam(Team team) {
    String body = Codec.encodeTeam(team);
    t.tx()
        .inTransaction(
            "saving team " + team.id(),
            c ->
                upsert(
                    c,
                    Sql.UPDATE_TEAM,
                    Sql.INSERT_TEAM,
                    s ->
                        s.text("parent", team.parent())
                            .text("manager", team.manager().value())
                            .text("body", body)
                            .text("workspace", t.ws())
                            .text("id", team.id().value())));
  }

  List<Team> teams() {
    List<Team> teams =
        new ArrayList<>(t.readBodies(Sql.SELECT_TEAMS, "teams", s -> {}, Codec::decodeTeam));
    teams.sort(Comparator.comparing(Team::id));
    return List.copyOf(teams);
  }

  void saveQuota(Quota quota) {
    String body = Codec.encodeQuota(quota);
    t.tx()
        .inTransaction(
            "saving quota",
            c ->
                upsert(
                    c,
                    Sql.UPDATE_QUOTA,
                    Sql.INSERT_QUOTA,
                    s ->
                        s.amount("amount", quota.amount())
                            .text("currency", quota.amount().currency().getCurrencyCode())
                            .text("body", body)
                            .text("workspace", t.ws())
                            .text("owner", quota.owner().map(UserId::value).orElse(""))
                            .text("team", quota.team().map(Object::toString).orElse(""))
                            .date("periodStart", quota.periodStart())
                            .date("periodEnd", quota.periodEnd())));
  }

  List<Quota> quotas() {
    List<Quota> quotas =
        new ArrayList<>(
            t.readBodies(
                Sql.SELECT_QUOTAS,
                "quotas",
                s -> {},
                ReferenceTables::quotaKey,
                Codec::decodeQuota));
    quotas.sort(
        Comparator.comparing(Quota::periodStart)
            .thenComparing(q -> q.owner().map(Object::toString).orElse(""))
            .thenComparing(q -> q.team().map(Object::toString).orElse("")));
    return List.copyOf(quotas);
  }

  /** A quota row's key: owner/team/start/end (an empty owner or team when the quota has none). */
  private static String quotaKey(ResultSet rs) throws SQLException {
    return rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4) + "/" + rs.getString(5);
  }

  /**
   * Updates, or inserts when nothing was updated; both statements take the same named parameters. A
   * concurrent insert of the same key makes the transaction retry.
   */
  private Void upsert(Connection c, String update, String insert, TableContext.Binding binding)
      throws SQLException {
    try (NamedStatement s = t.prepare(c, update)) {
      binding.bind(s);
      if (s.executeUpdate() > 0) {
        return null;
      }
    }
    try (NamedStatement s = t.prepare(c, insert)) {
      binding.bind(s);
      s.executeUpdate();
    } catch (SQLException e) {
      if (t.dialect().isUniqueViolation(e)) {
        throw new Transactor.Retry(e);
      }
      throw e;
    }
    return null;
  }
}
