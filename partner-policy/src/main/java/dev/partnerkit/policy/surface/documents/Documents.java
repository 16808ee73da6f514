package dev.partnerkit.policy.surface.documents;

import static dev.partnerkit.domain.ActorKind.INTEGRATION;
import static dev.partnerkit.domain.ActorKind.OPERATOR;
import static dev.partnerkit.domain.ActorKind.PARTNER_MEMBER;

import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordRule;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.Surface;
import java.util.List;
import java.util.Set;

/**
 * The record types of the documents surface and their lifecycles, as data. The library stores metadata, never
 * bytes.
 *
 * <pre>
 * type                   parent             created by                 moves (by)
 * partner_document       -                  operator, member, machine  active &lt;-&gt; archived (operator)
 * document_version       partner_document   operator, member, machine  available -&gt; withdrawn (operator); immutable
 * document_access_grant  partner_document   operator                   active -&gt; revoked (operator)
 * document_tag           partner_document   operator, member, machine  active &lt;-&gt; removed (anyone)
 * </pre>
 *
 * A document's links to an Event, job or proposal ({@code DocumentLink}) are kernel links by {@link #LINKED_TO} to
 * the host entities {@code event:<id>}, {@code job:<id>}, {@code proposal:<id>}; only operators make them, before or
 * after the partner's upload. Files never promote commercial, payment or readiness state: no type here mirrors a host
 * truth, and every partner command is evidence.
 */
public final class Documents {
  /** The relation from a document to the Event, job or proposal it is about ({@code DocumentLink}). */
  public static final String LINKED_TO = "linked_to";
  /** The host entity kinds a document links to. */
  public static final Set<String> LINK_TARGETS = Set.of("event", "job", "proposal");

  /** The document lifecycle. */
  public static final Lifecycle<DocumentStatus> DOCUMENT_LIFECYCLE = Lifecycle
      .builder(DocumentStatus.class, DocumentStatus.ACTIVE)
      .allow(DocumentStatus.ACTIVE, DocumentStatus.ARCHIVED, OPERATOR)
      .allow(DocumentStatus.ARCHIVED, DocumentStatus.ACTIVE, OPERATOR)
      .build();

  /** The document version lifecycle. */
  public static final Lifecycle<VersionStatus> VERSION_LIFECYCLE = Lifecycle
      .builder(VersionStatus.class, VersionStatus.AVAILABLE)
      .allow(VersionStatus.AVAILABLE, VersionStatus.WITHDRAWN, OPERATOR)
      .build();

  /** The document access grant lifecycle. */
  public static final Lifecycle<AccessStatus> ACCESS_LIFECYCLE = Lifecycle
      .builder(AccessStatus.class, AccessStatus.ACTIVE)
      .allow(AccessStatus.ACTIVE, AccessStatus.REVOKED, OPERATOR)
      .build();

  /** The document tag lifecycle. */
  public static final Lifecycle<TagStatus> TAG_LIFECYCLE = Lifecycle.builder(TagStatus.class, TagStatus.ACTIVE)
      .allow(TagStatus.ACTIVE, TagStatus.REMOVED, PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .allow(TagStatus.REMOVED, TagStatus.ACTIVE, PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .build();

  /** A version is immutable: nobody, operators included, revises its body; a change is a new version. */
  public static final RecordRule IMMUTABLE = request -> request.intent() == IntentKind.REVISE
      ? ReasonCode.RECORD_IMMUTABLE : null;

  /** The partner document record type, wire name {@code partner_document}. */
  public static final RecordType<DocumentBody, DocumentStatus> TYPE = RecordType
      .builder("partner_document", Surface.DOCUMENTS, DocumentBody.class, DOCUMENT_LIFECYCLE)
      .noun("document")
      .relation(LINKED_TO)
      .creators(OPERATOR, PARTNER_MEMBER, INTEGRATION)
      .revisers(OPERATOR)
      .linkers(OPERATOR)
      .title(DocumentBody::title)
      .example(DocumentBody.builder().title("Reception floor plan").kind(DocumentKind.FLOOR_PLAN)
          .description("Tables, stage and the loading door.").build())
      .build();

  /**
   * The document version record type, wire name {@code document_version} (approvals and annotations pin it by that
   * name). Partners read it without the storage key.
   */
  public static final RecordType<DocumentVersionBody, VersionStatus> VERSION = RecordType
      .builder("document_version", Surface.DOCUMENTS, DocumentVersionBody.class, VERSION_LIFECYCLE)
      .noun("document version")
      .creators(OPERATOR, PARTNER_MEMBER, INTEGRATION)
      .revisers(OPERATOR)
      .linkers(OPERATOR)
      .rule(IMMUTABLE)
      .partnerView(DocumentVersionBody::withoutStorageKey)
      .title(DocumentVersionBody::title)
      .example(DocumentVersionBody.builder().versionNumber(2).title("reception-floorplan-v2.pdf")
          .kind(DocumentKind.FLOOR_PLAN).mediaType("application/pdf").sizeBytes(482_113)
          .contentHash("sha256:" + "9f2c".repeat(16)).storageKey("tenant-toni/docs/7f3a/v2.pdf").build())
      .build();

  /** The document access grant record type, wire name {@code document_access_grant}. */
  public static final RecordType<DocumentAccessBody, AccessStatus> ACCESS = RecordType
      .builder("document_access_grant", Surface.DOCUMENTS, DocumentAccessBody.class, ACCESS_LIFECYCLE)
      .noun("document access grant")
      .creators(OPERATOR)
      .revisers(OPERATOR)
      .linkers(OPERATOR)
      .title(DocumentAccessBody::reason)
      .example(DocumentAccessBody.of("Venue layout for the reception walkthrough"))
      .build();

  /** The document tag record type, wire name {@code document_tag}. */
  public static final RecordType<DocumentTagBody, TagStatus> TAG = RecordType
      .builder("document_tag", Surface.DOCUMENTS, DocumentTagBody.class, TAG_LIFECYCLE)
      .noun("document tag")
      .creators(OPERATOR, PARTNER_MEMBER, INTEGRATION)
      .revisers(OPERATOR)
      .linkers(OPERATOR)
      .title(DocumentTagBody::label)
      .example(DocumentTagBody.of("layout"))
      .build();

  /** Every record type of the documents surface. */
  public static final List<RecordType<?, ?>> TYPES = List.of(TYPE, VERSION, ACCESS, TAG);

  private Documents() {}
}
