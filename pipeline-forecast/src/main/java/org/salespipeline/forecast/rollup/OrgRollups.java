package org.salespipeline.forecast.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.org.OrgDirectory;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.forecast.CategoryRollup;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.PipelineSnapshot;

/**
 * The effective-dated category roll-up of every organisation node: {@link NodeRollups} over a
 * {@link PipelineSnapshot} and an {@link OrgDirectory}.
 *
 * <p>Where a deal counts. A user node counts the deals the user owns, whatever team they were in. A
 * team node counts each deal whose owner was, at the deal's <em>placement instant</em>, a direct
 * member of the team or of a team below it; the placement instant is the start of the close date
 * (in the zone given, UTC by default) for a won deal and the start of the snapshot date for an open
 * one. So a rep who moves team keeps their won deals rolling up where they were when each closed,
 * while their open pipeline moves with them. A user who belongs to several teams at once counts in
 * each of them, but a team above two of them counts each deal once: a deal counts toward the set of
 * teams above its owner, never toward a team twice. A team's manager is not counted unless also a
 * member. Owner names of the snapshot that are not valid user ids, and owners in no team, count
 * only in their own user node (or nowhere).
 *
 * <p>Figures are those of {@link Forecaster#rollup(ForecastPeriod)}: closed is won in the period,
 * cumulative commit, most likely, best case and pipeline; omitted deals never count.
 *
 * <p>Cost. Building indexes the counted deals by close date (one sort) and asks the directory, once
 * per distinct placement date, for every owner's teams (an {@link OrgChart} once per stretch
 * between two of its {@linkplain OrgChart#changes() changes}). A period then costs one pass over
 * the deals closing in it plus one pass over the (owner, team set) combinations; {@link
 * #of(OrgNode, ForecastPeriod)} caches the tables of up to 64 periods, emptying the cache when
 * full.
 *
 * <p>Immutable (but for that cache) and thread-safe.
 */
public final class OrgRollups implements NodeRollups {
  private static final ForecastCategory[] CATEGORIES = ForecastCategory.values();
  private static final int WON = CATEGORIES.length;
  private static final int SLOTS = WON + 1;
  private static final int CACHED_PERIODS = 64;
  private static final CategoryRollup ZERO = new CategoryRollup(0, 0, 0, 0, 0);

  /** Close days of the counted deals, ascending; amount and slot share the index. */
  private final int[] day;

  private final long[] amount;

  /** {@code cell * SLOTS + k}: k is the open category's ordinal, or {@link #WON}. */
  private final int[] slot;

  private final int[] cellOwner;
  private final int[][] cellTeams;
  private final List<UserId> users;
  private final List<TeamId> teams;
  private final Map<UserId, Integer> userIndex;
  private final Map<TeamId, Integer> teamIndex;
  private final Map<ForecastPeriod, Sums> cache = new ConcurrentHashMap<>();

  private OrgRollups(Index ix) {
    this.day = ix.day;
    this.amount = ix.amount;
    this.slot = ix.slot;
    this.cellOwner = ix.cellOwner.stream().mapToInt(Integer::intValue).toArray();
    this.cellTeams = ix.cellTeams.toArray(new int[0][]);
    this.users = Collections.unmodifiableList(ix.users);
    this.teams = List.copyOf(ix.teams);
    this.userIndex = Map.copyOf(ix.userIndex);
    this.teamIndex = Map.copyOf(ix.teamIndex);
  }

  /**
   * The roll-ups of the forecaster's snapshot through the organisation, placement instants in UTC.
   *
   * @throws ValidationException if an argument is null
   */
  public static OrgRollups of(Forecaster forecaster, OrgDirectory org) {
    require("forecaster", forecaster);
    return of(forecaster.snapshot(), org, ZoneOffset.UTC);
  }

  /**
   * The roll-ups of the snapshot through the organisation.
   *
   * @param zone the zone whose start of day is a date's placement instant
   * @throws ValidationException if an argument is null
   */
  public static OrgRollups of(PipelineSnapshot snapshot, OrgDirectory org, ZoneId zone) {
    require("snapshot", snapshot);
    require("org", org);
    require("zone", zone);
    return new OrgRollups(new Index(snapshot, org, zone));
  }

  @Override
  public CategoryRollup of(OrgNode node, ForecastPeriod period) {
    require("node", node);
    require("period", period);
    Sums sums = cache.get(period);
    if (sums == null) {
      sums = sums(period);
      if (cache.size() >= CACHED_PERIODS) {
        cache.clear();
      }
      cache.put(period, sums);
    }
    return sums.of(node);
  }

  /**
   * Every node's roll-up for the period, computed afresh: each owner of the snapshot that is a
   * valid user id, then every team the directory placed a deal's owner under, in first-seen order.
   *
   * @throws ValidationException if the period is null
   */
  public Map<OrgNode, CategoryRollup> all(ForecastPeriod period) {
    require("period", period);
    Sums sums = sums(period);
    Map<OrgNode, CategoryRollup> out = new LinkedHashMap<>();
    for (UserId u : users) {
      if (u != null) {
        out.put(OrgNode.user(u), sums.of(OrgNode.user(u)));
      }
    }
    for (TeamId t : teams) {
      out.put(OrgNode.team(t), sums.of(OrgNode.team(t)));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The teams some deal's owner was placed under, in first-seen order. */
  public List<TeamId> teams() {
    return teams;
  }

  private Sums sums(ForecastPeriod period) {
    int lo = lowerBound(day, period.startDay());
    int hi = lowerBound(day, period.endDay());
    long[] cellSums = new long[cellOwner.length * SLOTS];
    accumulate(amount, slot, lo, hi, cellSums);
    long[] userSums = new long[users.size() * SLOTS];
    long[] teamSums = new long[teams.size() * SLOTS];
    for (int c = 0; c < cellOwner.length; c++) {
      int base = c * SLOTS;
      int u = cellOwner[c] * SLOTS;
      for (int k = 0; k < SLOTS; k++) {
        userSums[u + k] += cellSums[base + k];
      }
      for (int t : cellTeams[c]) {
        int tb = t * SLOTS;
        for (int k = 0; k < SLOTS; k++) {
          teamSums[tb + k] += cellSums[base + k];
        }
      }
    }
    return new Sums(userSums, teamSums);
  }

  // why: a small static loop so that the JIT compiles it on its own
  private static void accumulate(long[] a, int[] s, int lo, int hi, long[] acc) {
    for (int i = lo; i < hi; i++) {
      acc[s[i]] += a[i];
    }
  }

  private static int lowerBound(int[] sorted, int key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static CategoryRollup rollup(long[] sums, int base) {
    long closed = sums[base + WON];
    long commit =
        closed
            + sums[base + ForecastCategory.COMMIT.ordinal()]
            + sums[base + ForecastCategory.CLOSED.ordinal()];
    long likely = commit + sums[base + ForecastCategory.MOST_LIKELY.ordinal()];
    long best = likely + sums[base + ForecastCategory.BEST_CASE.ordinal()];
    long pipe = best + sums[base + ForecastCategory.PIPELINE.ordinal()];
    return new CategoryRollup(closed, commit, likely, best, pipe);
  }

  private static void require(String field, Object value) {
    if (value == null) {
      throw new ValidationException(FieldProblem.of(field, null, "must not be null"));
    }
  }

  /** One period's sums per user and per team, {@link #SLOTS} longs each. */
  private final class Sums {
    private final long[] user;
    private final long[] team;

    Sums(long[] user, long[] team) {
      this.user = user;
      this.team = team;
    }

    CategoryRollup of(OrgNode node) {
      Integer i =
          node instanceof OrgNode.User u
              ? userIndex.get(u.id())
              : teamIndex.get(((OrgNode.Team) node).id());
      if (i == null) {
        return ZERO;
      }
      return rollup(node instanceof OrgNode.User ? user : team, i * SLOTS);
    }
  }

  /** Builds the columns: counted rows sorted by close day, each with its (owner, teams) cell. */
  private static final class Index {
    int[] day;
    long[] amount;
    int[] slot;
    final List<Integer> cellOwner = new ArrayList<>();
    final List<int[]> cellTeams = new ArrayList<>();
    final List<UserId> users = new ArrayList<>();
    final List<TeamId> teams = new ArrayList<>();
    final Map<UserId, Integer> userIndex = new HashMap<>();
    final Map<TeamId, Integer> teamIndex = new HashMap<>();
    private final Map<List<Integer>, Integer> groups = new HashMap<>();
    private final List<int[]> groupTeams = new ArrayList<>();
    private final Map<Long, Integer> cells = new HashMap<>();
    private final Map<Instant, int[]> bySegment = new HashMap<>();
    private NavigableSet<Instant> changes;

    Index(PipelineSnapshot s, OrgDirectory org, ZoneId zone) {
      for (String name : s.ownerNames()) {
        UserId u = userOrNull(name);
        users.add(u);
        if (u != null) {
          userIndex.putIfAbsent(u, users.size() - 1);
        }
      }
      int n = 0;
      long[] keys = new long[s.size()];
      int minDay = Integer.MAX_VALUE;
      for (int i = 0; i < s.size(); i++) {
        if (counts(s, i)) {
          minDay = Math.min(minDay, s.closeDay(i));
        }
      }
      for (int i = 0; i < s.size(); i++) {
        if (counts(s, i)) {
          keys[n++] = ((long) (s.closeDay(i) - minDay) << 32) | i;
        }
      }
      keys = Arrays.copyOf(keys, n);
      Arrays.sort(keys);
      day = new int[n];
      amount = new long[n];
      slot = new int[n];
      int asOf = Math.toIntExact(s.asOf().toEpochDay());
      Map<Integer, int[]> cellsByDay = new HashMap<>();
      int lastPlaced = Integer.MIN_VALUE;
      int[] lastCells = null;
      for (int j = 0; j < n; j++) {
        int row = (int) keys[j];
        int close = s.closeDay(row);
        boolean open = row < s.openCount();
        int placed = open ? asOf : close;
        // why: rows come sorted by close day, so the previous row's layout is usually this one's
        int[] cellOf = placed == lastPlaced ? lastCells : cellsByDay.get(placed);
        if (cellOf == null) {
          cellOf = layoutOf(s, org, zone, placed);
          cellsByDay.put(placed, cellOf);
        }
        if (!open) {
          lastPlaced = placed;
          lastCells = cellOf;
        }
        day[j] = close;
        amount[j] = s.amount(row);
        int k = open ? s.category(row).ordinal() : WON;
        slot[j] = cellOf[s.owner(row)] * SLOTS + k;
      }
    }

    private static boolean counts(PipelineSnapshot s, int row) {
      return row < s.openCount()
          ? s.category(row) != ForecastCategory.OMITTED
          : s.status(row) == DealStatus.WON;
    }

    private static UserId userOrNull(String name) {
      try {
        return UserId.of(name);
      } catch (ValidationException e) {
        return null;
      }
    }

    /**
     * The layout of a day; with an {@link OrgChart}, days between two of its changes share one
     * layout, computed once.
     */
    private int[] layoutOf(PipelineSnapshot s, OrgDirectory org, ZoneId zone, int epochDay) {
      if (!(org instanceof OrgChart chart)) {
        return layout(s, org, zone, epochDay);
      }
      if (changes == null) {
        changes = chart.changes();
      }
      Instant at = LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toInstant();
      Instant since = changes.floor(at);
      return bySegment.computeIfAbsent(
          since == null ? Instant.MIN : since, k -> layout(s, org, zone, epochDay));
    }

    /** Each owner's cell as the organisation stood at the start of the epoch day. */
    private int[] layout(PipelineSnapshot s, OrgDirectory org, ZoneId zone, int epochDay) {
      Instant at = LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toInstant();
      Map<TeamId, Optional<TeamId>> parents = new HashMap<>();
      for (TeamId t : org.teams(at)) {
        parents.put(t, org.parentOf(t, at));
      }
      int[] cellOf = new int[users.size()];
      for (int o = 0; o < users.size(); o++) {
        UserId u = users.get(o);
        Set<Integer> above = new TreeSet<>();
        if (u != null) {
          for (TeamId t : org.teamsOf(u, at)) {
            Optional<TeamId> p = Optional.of(t);
            int guard = parents.size();
            while (p.isPresent() && parents.containsKey(p.get()) && guard-- >= 0) {
              if (!above.add(team(p.get()))) {
                break;
              }
              p = parents.get(p.get());
            }
          }
        }
        int g = groups.computeIfAbsent(List.copyOf(above), this::group);
        cellOf[o] = cells.computeIfAbsent(((long) o << 32) | g, key -> cell((int) (key >>> 32), g));
      }
      return cellOf;
    }

    private int team(TeamId t) {
      return teamIndex.computeIfAbsent(
          t,
          k -> {
            teams.add(k);
            return teams.size() - 1;
          });
    }

    private int group(List<Integer> members) {
      groupTeams.add(members.stream().mapToInt(Integer::intValue).toArray());
      return groupTeams.size() - 1;
    }

    private int cell(int owner, int group) {
      cellOwner.add(owner);
      cellTeams.add(groupTeams.get(group));
      return cellOwner.size() - 1;
    }
  }
}
