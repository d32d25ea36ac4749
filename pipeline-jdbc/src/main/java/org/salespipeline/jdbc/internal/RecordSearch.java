package org.salespipeline.jdbc.internal;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.store.AccountQuery;
import org.salespipeline.core.store.ContactQuery;
import org.salespipeline.core.store.KeysetPage;
import org.salespipeline.core.store.TextMatch;

/**
 * Pages of accounts and contacts: the filters as fixed fragments with bind parameters over the
 * folded columns, keyset paging by id as for deals.
 */
final class RecordSearch {
  private final TableContext t;

  RecordSearch(TableContext t) {
    this.t = t;
  }

  KeysetPage<Account, AccountId> accounts(AccountQuery query) {
    StringBuilder text = new StringBuilder(Sql.SELECT_ACCOUNTS);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("workspace", t.ws());
    name(text, params, query.name());
    if (!query.owners().isEmpty()) {
      text.append(Sql.RECORD_FILTER_OWNERS);
      int n = 0;
      for (UserId owner : query.owners()) {
        String numbered = "owner" + n;
        text.append(n++ == 0 ? ":" : ", :").append(numbered);
        params.put(numbered, owner.value());
      }
      text.append(')');
    }
    if (query.industry().isPresent()) {
      text.append(Sql.RECORD_FILTER_INDUSTRY);
      params.put("industry", TextMatch.fold(query.industry().get()));
    }
    return page(
        text,
        params,
        query.afterId().map(AccountId::toString),
        query.limit(),
        "accounts",
        Codec::decodeAccount,
        Account::id,
        "finding accounts");
  }

  KeysetPage<Contact, ContactId> contacts(ContactQuery query) {
    StringBuilder text = new StringBuilder(Sql.SELECT_CONTACTS);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("workspace", t.ws());
    name(text, params, query.name());
    if (query.account().isPresent()) {
      text.append(Sql.RECORD_FILTER_ACCOUNT);
      params.put("account", query.account().get().toString());
    }
    return page(
        text,
        params,
        query.afterId().map(ContactId::toString),
        query.limit(),
        "contacts",
        Codec::decodeContact,
        Contact::id,
        "finding contacts");
  }

  private static void name(StringBuilder text, Map<String, Object> params, Optional<TextMatch> m) {
    if (m.isPresent()) {
      text.append(Sql.RECORD_FILTER_NAME);
      params.put("name", SearchText.likePattern(m.get()));
    }
  }

  private <T, K> KeysetPage<T, K> page(
      StringBuilder text,
      Map<String, Object> params,
      Optional<String> afterId,
      int limit,
      String table,
      Function<String, T> decode,
      Function<T, K> id,
      String what) {
    if (afterId.isPresent()) {
      text.append(Sql.RECORD_FILTER_AFTER);
      params.put("afterId", afterId.get());
    }
    text.append(Sql.DEAL_ORDER).append(Sql.DEAL_LIMIT);
    params.put("limit", limit + 1);
    NamedSql statement = t.sql().dynamic(text.toString());
    List<T> items =
        t.tx()
            .read(
                what,
                c -> {
                  List<T> out = new ArrayList<>();
                  try (NamedStatement s = NamedStatement.prepare(c, statement)) {
                    for (Map.Entry<String, Object> p : params.entrySet()) {
                      s.value(p.getKey(), p.getValue());
                    }
                    try (ResultSet rs = s.executeQuery()) {
                      while (rs.next()) {
                        String body = rs.getString(1);
                        // why: a row changed by hand is named (issue 14, item 8)
                        out.add(Corrupt.decode(table, rs.getString(2), () -> decode.apply(body)));
                      }
                    }
                  }
                  return out;
                });
    boolean more = items.size() > limit;
    if (more) {
      items = items.subList(0, limit);
    }
    return new KeysetPage<>(
        items, more ? Optional.of(id.apply(items.get(items.size() - 1))) : Optional.empty());
  }
}
