package org.salespipeline.core;

import java.util.Optional;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.internal.Problems;

/** The records deals refer to: accounts, contacts, teams and quotas, checked and saved. */
final class ReferenceData {
  private final EngineContext context;
  private final CommandChecks checks;

  ReferenceData(EngineContext context, CommandChecks checks) {
    this.context = context;
    this.checks = checks;
  }

  Account createAccount(String name, Optional<String> industry, Optional<UserId> owner) {
    Problems problems = new Problems().line("name", name, Problems.MAX_LINE);
    industry.ifPresent(i -> problems.line("industry", i, Problems.MAX_LINE));
    problems.throwIfAny();
    Account account =
        Account.builder()
            .id(new AccountId(context.ids().next()))
            .workspace(context.workspace())
            .name(name)
            .industry(industry)
            .owner(owner)
            .createdAt(context.now())
            .build();
    context.ws().saveAccount(account);
    return account;
  }

  Contact createContact(String name, Optional<AccountId> account, Optional<String> email) {
    Problems problems = new Problems().line("name", name, Problems.MAX_LINE);
    email.ifPresent(
        e -> {
          problems.line("email", e, Problems.MAX_LINE);
          if (!e.contains("@")) {
            problems.add("email", e, "is not an e-mail address");
          }
        });
    account.ifPresent(a -> checks.requireAccount(problems, "account", a));
    problems.throwIfAny();
    Contact contact =
        Contact.builder()
            .id(new ContactId(context.ids().next()))
            .workspace(context.workspace())
            .account(account)
            .name(name)
            .email(email)
            .build();
    context.ws().saveContact(contact);
    return contact;
  }

  Team saveTeam(Team team) {
    Problems problems = new Problems().line("name", team.name(), Problems.MAX_LINE);
    requireOwnWorkspace(problems, team.workspace());
    problems.throwIfAny();
    context.access().requireWorkspace(null, Action.ADMIN);
    context.ws().saveTeam(team);
    return team;
  }

  Quota setQuota(Quota quota) {
    Problems problems = new Problems().amount("amount", quota.amount());
    requireOwnWorkspace(problems, quota.workspace());
    problems.throwIfAny();
    context.access().requireWorkspace(null, Action.MANAGE_QUOTA);
    context.ws().saveQuota(quota);
    return quota;
  }

  private void requireOwnWorkspace(Problems problems, WorkspaceId workspace) {
    if (!workspace.equals(context.workspace())) {
      problems.add("workspace", workspace, "must be " + context.workspace());
    }
  }
}
