package dev.partnerkit.policy.surface.comments;

import static dev.partnerkit.policy.surface.SurfaceWorld.ACME;
import static dev.partnerkit.policy.surface.SurfaceWorld.ACME_SYNC;
import static dev.partnerkit.policy.surface.SurfaceWorld.CEREMONY;
import static dev.partnerkit.policy.surface.SurfaceWorld.DANA;
import static dev.partnerkit.policy.surface.SurfaceWorld.LAKESIDE;
import static dev.partnerkit.policy.surface.SurfaceWorld.MAYA;
import static dev.partnerkit.policy.surface.SurfaceWorld.RECEPTION;
import static dev.partnerkit.policy.surface.SurfaceWorld.VERA;
import static dev.partnerkit.policy.surface.SurfaceWorld.WEDDING;
import static dev.partnerkit.policy.surface.SurfaceWorld.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.ImmutableIntegrationPrincipal;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.SurfaceWorld;
import dev.partnerkit.policy.surface.blockers.Blockers;
import dev.partnerkit.policy.surface.documents.DocumentDraft;
import dev.partnerkit.policy.surface.documents.DocumentId;
import dev.partnerkit.policy.surface.documents.DocumentKind;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The comments surface through {@code ops.comments()} and {@code session.comments()}. */
class CommentsSurfaceTest {
  final SurfaceWorld w = new SurfaceWorld(InMemoryStorage.create());

  DocumentId lakesideDocument() {
    return DocumentId.of(require(w.ops.documents().register(w.key(), DocumentDraft.builder().occasionId(WEDDING)
        .eventId(RECEPTION).partnerId(LAKESIDE).title("Reception floor plan").kind(DocumentKind.FLOOR_PLAN)
        .build())).recordId().orElseThrow());
  }

  ThreadId thread(ThreadDraft draft) {
    return ThreadId.of(require(w.ops.comments().startThread(w.key(), draft)).recordId().orElseThrow());
  }

  @Test
  void aThreadAboutADocumentSitsWithItAndOnlyItsPartnerTalksInIt() {
    w.wideGrant(LAKESIDE);
    w.wideGrant(ACME);
    DocumentId doc = lakesideDocument();
    ThreadId thread = thread(ThreadDraft.builder().subject(ThreadSubject.document(doc)).title("Loading door")
        .build());
    ThreadView seen = w.ops.comments().get(thread).items().get(0);
    assertEquals(Optional.of(LAKESIDE), seen.partnerId());
    assertEquals(Optional.of(RECEPTION), seen.eventId());
    assertEquals(Optional.of(ThreadSubject.document(doc)), seen.subject());

    PartnerSession vera = w.session(VERA);
    CommandResult posted = require(vera.comments().post(w.key(), thread, "Can the truck use the north door at 7am?",
        Set.of(Mention.operator(MAYA.userId()))));
    assertEquals(1, vera.comments().about(ThreadSubject.document(doc)).items().size());
    ThreadView veras = vera.comments().get(thread).items().get(0);
    assertEquals(Set.of(Mention.operator(MAYA.userId())), veras.comments().get(0).mentions());

    PartnerSession dana = w.session(DANA);
    assertTrue(dana.comments().list().items().isEmpty());
    assertThrows(RecordNotFoundException.class, () -> dana.comments().post(w.key(), thread, "me too", Set.of()));
    assertThrows(RecordNotFoundException.class, () -> dana.comments().react(w.key(),
        CommentId.of(posted.recordId().orElseThrow()), ReactionKind.EYES));
    assertThrows(RecordNotFoundException.class, () -> dana.comments().startThread(w.key(),
        PartnerThreadDraft.builder().subject(ThreadSubject.document(doc)).title("Mine").build()));
  }

  @Test
  void internalOnlyOperatorCommentsNeverReachPartnersInReadsOrActivity() {
    w.wideGrant(LAKESIDE);
    ThreadId thread = thread(ThreadDraft.builder().subject(ThreadSubject.event(RECEPTION)).occasionId(WEDDING)
        .partnerId(LAKESIDE).title("Reception timing").build());
    require(w.ops.comments().post(w.key(), thread, "Lakeside is usually late; pad 30 minutes.", Set.of(),
        Visibility.INTERNAL_ONLY));
    require(w.ops.comments().post(w.key(), thread, "Doors at 6pm, please.", Set.of(), Visibility.PARTNER_VISIBLE));
    PartnerSession vera = w.session(VERA);
    List<CommentView> seen = vera.comments().get(thread).items().get(0).comments();
    assertEquals(List.of("Doors at 6pm, please."), seen.stream().map(CommentView::text).toList());
    for (ActivityEntry e : vera.activity(ActivityQuery.builder().build()).items()) {
      assertFalse(e.summary().contains("usually late"), e.summary());
    }
    assertEquals(2, w.ops.comments().get(thread).items().get(0).comments().size());
    assertTrue(w.ops.activity(WEDDING, ActivityQuery.builder().build()).items().stream()
        .anyMatch(e -> e.summary().contains("usually late") && e.visibility() == Visibility.INTERNAL_ONLY));

    CommentResultProbe internal = new CommentResultProbe(vera.records().createUnder(w.key(), Comments.COMMENT,
        Comments.THREAD.ref(thread.value()), Visibility.INTERNAL_ONLY, Comments.COMMENT.example(), List.of()));
    assertEquals(ReasonCode.PARTNER_RECORD_CANNOT_BE_INTERNAL, internal.reason());
  }

  @Test
  void aMentionOfSomeoneWhoCannotSeeTheThreadIsRefusedAndTheRefusalRevealsNothing() {
    w.grant(GrantDraft.builder().partnerId(LAKESIDE).scope(GrantScope.builder().occasionId(WEDDING)
        .surfaces(SurfaceWorld.SURFACES).build()).capabilities(SurfaceWorld.CAPABILITIES)
        .members(Set.of(VERA.userId(), UserId.of("u-lee"))).validFrom(SurfaceWorld.FROM).build());
    ThreadId thread = thread(ThreadDraft.builder().subject(ThreadSubject.job(JobId.of("job-42"))).occasionId(WEDDING)
        .partnerId(LAKESIDE).title("Chairs").build());
    PartnerSession vera = w.session(VERA);
    require(vera.comments().post(w.key(), thread, "Lee, can you count them?", Set.of(Mention.member(UserId.of("u-lee")),
        Mention.operator(MAYA.userId()))));
    CommandResult zed = vera.comments().post(w.key(), thread, "Zed?", Set.of(Mention.member(UserId.of("u-zed"))));
    CommandResult dana = vera.comments().post(w.key(), thread, "Zed?", Set.of(Mention.member(DANA.userId())));
    assertEquals(ReasonCode.PERSON_CANNOT_SEE_RECORD, zed.decision().reason());
    assertEquals(ReasonCode.PERSON_CANNOT_SEE_RECORD, dana.decision().reason());
    assertEquals(zed.decision().explanation().replace("u-zed", "X"), dana.decision().explanation().replace("u-dana",
        "X"), "an unknown person and a real one outside the thread get the same words");
    assertEquals(zed.decision().nextSafeAction().replace("u-zed", "X"), dana.decision().nextSafeAction()
        .replace("u-dana", "X"));
    assertFalse(zed.decision().explanation().contains("Acme"), zed.decision().explanation());

    CommandResult internal = w.ops.comments().post(w.key(), thread, "Vera, note this", Set.of(Mention.member(
        VERA.userId())), Visibility.INTERNAL_ONLY);
    assertEquals(ReasonCode.PERSON_CANNOT_SEE_RECORD, internal.decision().reason(), "partners never see internal");
    require(w.ops.comments().post(w.key(), thread, "Alex, note this", Set.of(Mention.operator(UserId.of("u-alex"))),
        Visibility.INTERNAL_ONLY));

    CommentId first = w.ops.comments().get(thread).items().get(0).comments().get(0).commentId();
    require(vera.comments().mention(w.key(), first, Mention.member(VERA.userId())));
    assertEquals(ReasonCode.PERSON_CANNOT_SEE_RECORD, vera.comments().mention(w.key(), first,
        Mention.member(UserId.of("u-zed"))).decision().reason());
    assertEquals(3, w.ops.comments().get(thread).items().get(0).comments().get(0).mentions().size());
  }

  @Test
  void reactionsCountAndOnlyOperatorsWithdrawThem() {
    w.wideGrant(LAKESIDE);
    ThreadId thread = thread(ThreadDraft.builder().subject(ThreadSubject.proposal("prop-9")).occasionId(WEDDING)
        .partnerId(LAKESIDE).title("Menu").build());
    CommentId comment = CommentId.of(require(w.ops.comments().post(w.key(), thread, "Menu v3 is attached.",
        Set.of(), Visibility.PARTNER_VISIBLE)).recordId().orElseThrow());
    PartnerSession vera = w.session(VERA);
    String reaction = require(vera.comments().react(w.key(), comment, ReactionKind.THUMBS_UP)).recordId()
        .orElseThrow();
    require(w.ops.comments().react(w.key(), comment, ReactionKind.THUMBS_UP));
    assertEquals(Map.of(ReactionKind.THUMBS_UP, 2), vera.comments().get(thread).items().get(0).comments().get(0)
        .reactionCounts());
    CommandResult withdraw = vera.records().transition(w.key(), Comments.REACTION, reaction,
        ReactionStatus.WITHDRAWN, null);
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, withdraw.decision().reason());
    require(w.ops.comments().withdrawReaction(w.key(), reaction));
    assertEquals(Map.of(ReactionKind.THUMBS_UP, 1), w.ops.comments().get(thread).items().get(0).comments().get(0)
        .reactionCounts());
  }

  @Test
  void commentsAreNeverEditedAndThreadsAreResolvedByOperatorsOnly() {
    w.wideGrant(LAKESIDE);
    ThreadId thread = thread(ThreadDraft.builder().subject(ThreadSubject.event(RECEPTION)).occasionId(WEDDING)
        .partnerId(LAKESIDE).title("Timing").build());
    PartnerSession vera = w.session(VERA);
    String comment = require(vera.comments().post(w.key(), thread, "Doors at 6pm.", Set.of())).recordId()
        .orElseThrow();
    assertEquals(ReasonCode.RECORD_IMMUTABLE, w.ops.records().revise(w.key(), Comments.COMMENT, comment,
        CommentBody.of("Doors at 5pm."), null).decision().reason());
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, vera.records().revise(w.key(), Comments.COMMENT, comment,
        CommentBody.of("Doors at 5pm."), null).decision().reason());
    assertEquals(ReasonCode.OPERATOR_ONLY_TRANSITION, vera.records().transition(w.key(), Comments.THREAD,
        thread.value(), ThreadStatus.RESOLVED, null).decision().reason());
    CommandResult resolved = require(w.ops.comments().resolve(w.key(), thread));
    assertTrue(resolved.decision().explanation().contains("may move comment thread 'Timing'"),
        resolved.decision().explanation());
    require(w.ops.comments().retract(w.key(), CommentId.of(comment)));
    CommentView retracted = vera.comments().get(thread).items().get(0).comments().get(0);
    assertEquals(CommentStatus.RETRACTED, retracted.status());
    assertEquals("Doors at 6pm.", retracted.text(), "retracted, never changed");
    require(w.ops.comments().reopen(w.key(), thread));
  }

  @Test
  void partnerThreadsSitInsideTheirGrant() {
    w.grant(LAKESIDE, Set.of(CEREMONY));
    PartnerSession vera = w.session(VERA);
    CommandResult reception = vera.comments().startThread(w.key(), PartnerThreadDraft.builder()
        .subject(ThreadSubject.event(RECEPTION)).title("Reception?").build());
    assertEquals(ReasonCode.OUT_OF_SCOPE, reception.decision().reason());
    require(vera.comments().startThread(w.key(), PartnerThreadDraft.builder().subject(ThreadSubject.event(CEREMONY))
        .title("Ceremony chairs").build()));
    CommandResult job = vera.comments().startThread(w.key(), PartnerThreadDraft.builder()
        .subject(ThreadSubject.job(JobId.of("job-7"))).title("No event").build());
    assertEquals(ReasonCode.OUT_OF_SCOPE, job.decision().reason(), "a thread with no event is outside the grant");
    require(vera.comments().startThread(w.key(), PartnerThreadDraft.builder()
        .subject(ThreadSubject.job(JobId.of("job-7"))).eventId(CEREMONY).title("Job 7 at the ceremony").build()));
    assertEquals(2, vera.comments().list().items().size());
    assertThrows(InvalidValueException.class, () -> PartnerThreadDraft.builder()
        .subject(ThreadSubject.event(CEREMONY)).eventId(RECEPTION).title("x").build());
    assertThrows(InvalidValueException.class, () -> ThreadDraft.builder().subject(ThreadSubject.event(CEREMONY))
        .title("no occasion").build());
  }

  @Test
  void withoutTheCommentCapabilityOrWritesNothingIsSaid() {
    w.grant(GrantDraft.builder().partnerId(ACME).scope(GrantScope.builder().occasionId(WEDDING)
        .addSurfaces(Surface.COMMENTS, Surface.TASKS).build()).addCapabilities(PartnerCapability.MANAGE_TASK)
        .validFrom(SurfaceWorld.FROM).build());
    assertEquals(ReasonCode.CAPABILITY_MISSING, w.session(DANA).comments().list().decision().reason());
    w.machineGrant();
    ThreadId thread = thread(ThreadDraft.builder().subject(ThreadSubject.event(EventId.of("ev-dinner")))
        .occasionId(WEDDING).partnerId(ACME).title("Dinner").build());
    PartnerSession readOnly = w.session(ImmutableIntegrationPrincipal.copyOf(ACME_SYNC).withWriteEnabled(false));
    assertEquals(1, readOnly.comments().list().items().size());
    assertEquals(ReasonCode.INTEGRATION_READ_ONLY, readOnly.comments().post(w.key(), thread, "sync", Set.of())
        .decision().reason());
    require(w.session(ACME_SYNC).comments().post(w.key(), thread, "Synced the dinner plan.", Set.of()));
    assertEquals(1, w.ops.comments().get(thread).items().get(0).comments().size());
  }

  @Test
  void subjectsAndMentionsAreTyped() {
    assertEquals(Blockers.OBSERVATION.wireName(), ThreadSubject.BLOCKER);
    assertThrows(InvalidValueException.class, () -> new ThreadSubject("invoice", "i-1"));
    assertThrows(InvalidValueException.class, () -> new Mention("partner", UserId.of("u-1")));
    assertEquals("Can the truck use the north door at 7am?", Comments.COMMENT.titleOf(Comments.COMMENT.example()));
    String longText = "word ".repeat(100);
    assertEquals(80, CommentBody.of(longText).title().length());
  }

  /** The reason of a result. */
  record CommentResultProbe(CommandResult result) {
    ReasonCode reason() {
      return result.decision().reason();
    }
  }
}
