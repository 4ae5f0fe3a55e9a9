package org.kassa.compliance.aml;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.kassa.compliance.aml.screening.Hit;
import org.kassa.compliance.aml.screening.Query;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.privacy.Pseudonymizer;

/**
 * Screening for other systems and officers' tools: searches the current index and audits every
 * search (who asked, a pseudonym of what, the ids of what was found); loads internal watchlists.
 */
@Stateless
public class Screenings {

  @Inject private ScreeningIndexHolder holder;
  @Inject private SanctionsLists lists;
  @Inject private AuditTrail audit;
  @Inject private Pseudonymizer pseudonymizer;

  /**
   * Searches every loaded list.
   *
   * @param actor who asks, for the trail
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public List<Hit> search(Query query, String actor) {
    List<Hit> hits = holder.screening().search(query);
    // The name searched is personal data: the trail keeps its pseudonym, never the name.
    audit.append(
        AuditRecord.of(
                actor, "screening.search", "screening", "search", hits.isEmpty() ? "no_hit" : "hit")
            .withSubject(pseudonymizer.pseudonym(query.name()))
            .withDetail(
                "type="
                    + (query.type() == null ? "any" : query.type().apiName())
                    + " min="
                    + query.minScore()
                    + " hits="
                    + hits.stream()
                        .limit(20)
                        .map(h -> h.listId() + ":" + h.entryId())
                        .collect(Collectors.joining(","))));
    return hits;
  }

  /** The active version of every list. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ListVersion> activeLists() {
    return lists.active();
  }

  /**
   * Loads (a new version of) an operator's own watchlist; the index follows at once on this node
   * and within a minute on the others.
   *
   * @throws IllegalArgumentException if the name is not a watchlist name
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ListLoadResult loadWatchlist(String name, byte[] csv, String actor) {
    ListFormat format = new org.kassa.compliance.aml.lists.InternalWatchlistCsv(name);
    ListLoadResult result =
        lists.load(
            "internal-" + name, format, ListFiles.of(name + ".csv", csv), "api:" + actor, actor);
    if (result.outcome() == ListLoadResult.Outcome.LOADED) {
      holder.refresh();
    }
    return result;
  }
}
