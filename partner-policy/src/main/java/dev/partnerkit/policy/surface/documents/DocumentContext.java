package dev.partnerkit.policy.surface.documents;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * A document's Event command context, as the operator console shows it: whether its Event identity has resolved,
 * the primary blocker and the next safe action (a calm-friction answer, like a decision's), whether its proof exists
 * (a document link and, for a document with a partner, an active document access grant), and the navigation hrefs a
 * host renders from {@link DocumentPaths}.
 *
 * <p><b>Event identity resolves only through an exact document link</b> to an Event: never from the document's
 * placement, title or a job. With one Event link it is that Event; with several, the selected Event when it is one of
 * them. Until it resolves, {@link #eventHref()} is empty (disabled).
 *
 * <p>The context is operator navigation only. It grants no partner access, exposes no storage key, accepts no
 * proposal, settles no payment, records no readiness clearance and proves no provider delivery.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDocumentContext.class)
@JsonDeserialize(as = ImmutableDocumentContext.class)
public abstract class DocumentContext {
  /** The primary blocker of a document with no exact link yet. */
  public static final String MISSING_LINK = "missing event/entity link";
  /** The next safe action of a document with no exact link yet. */
  public static final String LINK_FIRST = "link the document to an Event, job or proposal first";
  /** The primary blocker of a document linked to a job or proposal but no Event. */
  public static final String MISSING_EVENT_LINK = "missing Event link: its job or proposal link names no Event";
  /** The next safe action of a document linked to a job or proposal but no Event. */
  public static final String LINK_EVENT = "link the document to the Event of its job or proposal";
  /** The primary blocker of a document linked to several Events, none of them selected. */
  public static final String AMBIGUOUS_EVENT = "ambiguous Event link: the document links several Events";
  /** The next safe action of a document linked to several Events. */
  public static final String SELECT_EVENT = "open the document from one of its linked Events";
  /** The primary blocker of a linked document with a partner but no active access grant. */
  public static final String MISSING_ACCESS = "missing document access grant";
  /** The next safe action of a linked document with a partner but no active access grant. */
  public static final String RECORD_ACCESS = "record the document access grant for its partner";
  /** The next safe action once the context is complete. */
  public static final String REVIEW = "review the document in the Event workspace";
  /** What the proof is made of. */
  public static final String PROOF = "DocumentLink + DocumentAccessGrant";
  /** What {@link #eventHref()} says while disabled. */
  public static final String EVENT_HREF_DISABLED = "Disabled until exact Event identity resolves";
  /** What the context is, and is not. */
  public static final String NAVIGATION_ONLY = "Document Event command context is operator navigation only. It does"
      + " not grant partner access, expose storage paths, accept proposals, settle payment, record readiness"
      + " clearance, or prove provider delivery.";

  /** Whether the document's Event identity has resolved. */
  public enum EventIdentity implements dev.partnerkit.domain.WireNamed {
    /** Pending until an exact document link resolves it. */
    PENDING,
    /** Resolved through an exact link to one Event. */
    RESOLVED;

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** @return the document */
  public abstract DocumentId documentId();

  /** @return its title */
  public abstract String title();

  /** @return pending or resolved */
  public abstract EventIdentity eventIdentity();

  /** @return the Event, once resolved */
  public abstract Optional<EventId> eventId();

  /** @return the Event the operator opened the document from, if any */
  public abstract Optional<EventId> selectedEventId();

  /** @return the document's exact links */
  public abstract Set<DocumentLinkTarget> links();

  /** @return the commercial stage: always document evidence */
  @Value.Default
  public String commercialStage() {
    return "Document evidence";
  }

  /** @return whether the proof exists: a link, and an active access grant when the document has a partner */
  public abstract boolean proofExists();

  /** @return what the proof is made of */
  @Value.Default
  public String proof() {
    return PROOF;
  }

  /** @return the primary blocker, while there is one */
  public abstract Optional<String> primaryBlocker();

  /** @return the next safe action */
  public abstract String nextSafeAction();

  /** @return the operator Event workspace; empty (disabled) until Event identity resolves */
  public abstract Optional<String> eventHref();

  /** @return what to show for {@link #eventHref()}: the path, or why it is disabled */
  public String eventHrefLabel() {
    return eventHref().orElse(EVENT_HREF_DISABLED);
  }

  /** @return the canonical internal partner document source */
  public abstract String sourceHref();

  /** @return the document-link and access-grant evidence */
  public abstract String proofHref();

  /** @return the exact operator task needed to attach Event identity */
  public abstract String actionHref();

  /** @return the internal partner workspace, preserving the selected Event when there is one */
  public abstract String fallbackHref();

  /** @return {@link #fallbackHref()} by its other name */
  public String workspaceHref() {
    return fallbackHref();
  }

  /** @return what the context is, and is not */
  @Value.Default
  public String note() {
    return NAVIGATION_ONLY;
  }

  /**
   * Computes the context of a document, as its reader sees it.
   *
   * @param document the document, with its links and access grants
   * @param selectedEvent the Event the operator opened it from, if any
   * @param paths the path templates
   * @return the context
   */
  public static DocumentContext of(DocumentView document, Optional<EventId> selectedEvent, DocumentPaths paths) {
    Checks.required("document", document);
    Checks.required("selectedEvent", selectedEvent);
    Checks.required("paths", paths);
    Set<EventId> events = new TreeSet<>();
    for (DocumentLinkTarget link : document.links()) {
      if (link.namesEvent()) {
        events.add(EventId.of(link.id()));
      }
    }
    EventId resolved = null;
    if (events.size() == 1) {
      resolved = events.iterator().next();
    } else if (selectedEvent.isPresent() && events.contains(selectedEvent.get())) {
      resolved = selectedEvent.get();
    }
    boolean linked = !document.links().isEmpty();
    boolean shared = document.partnerId().isEmpty() || document.accessGrants().stream()
        .anyMatch(DocumentView.Access::active);
    String blocker;
    String next;
    if (!linked) {
      blocker = MISSING_LINK;
      next = LINK_FIRST;
    } else if (events.isEmpty()) {
      blocker = MISSING_EVENT_LINK;
      next = LINK_EVENT;
    } else if (resolved == null) {
      blocker = AMBIGUOUS_EVENT;
      next = SELECT_EVENT;
    } else if (!shared) {
      blocker = MISSING_ACCESS;
      next = RECORD_ACCESS;
    } else {
      blocker = null;
      next = REVIEW;
    }
    DocumentId id = document.documentId();
    EventId selected = selectedEvent.orElse(null);
    ImmutableDocumentContext.Builder b = ImmutableDocumentContext.builder().documentId(id).title(document.title())
        .eventIdentity(resolved == null ? EventIdentity.PENDING : EventIdentity.RESOLVED)
        .eventId(Optional.ofNullable(resolved)).selectedEventId(selectedEvent).links(document.links())
        .proofExists(linked && shared).primaryBlocker(Optional.ofNullable(blocker)).nextSafeAction(next)
        .sourceHref(DocumentPaths.fill(paths.source(), id, null))
        .proofHref(DocumentPaths.fill(paths.proof(), id, null))
        .actionHref(DocumentPaths.fill(paths.action(), id, null))
        .fallbackHref(selected == null ? DocumentPaths.fill(paths.workspace(), id, null)
            : DocumentPaths.fill(paths.workspaceForEvent(), id, selected));
    if (resolved != null) {
      b.eventHref(DocumentPaths.fill(paths.event(), id, resolved));
    }
    return b.build();
  }
}
