package dev.partnerkit.jdbc;

import static dev.partnerkit.jdbc.SurfacesWorld.ACME;
import static dev.partnerkit.jdbc.SurfacesWorld.DANA;
import static dev.partnerkit.jdbc.SurfacesWorld.MAYA;
import static dev.partnerkit.jdbc.SurfacesWorld.RECEPTION;
import static dev.partnerkit.jdbc.SurfacesWorld.WEDDING;
import static dev.partnerkit.jdbc.SurfacesWorld.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.JobId;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.policy.surface.blockers.BlockerId;
import dev.partnerkit.policy.surface.blockers.BlockerKind;
import dev.partnerkit.policy.surface.blockers.BlockerReport;
import dev.partnerkit.policy.surface.blockers.ObservationStatus;
import dev.partnerkit.policy.surface.comments.CommentView;
import dev.partnerkit.policy.surface.comments.Comments;
import dev.partnerkit.policy.surface.comments.Mention;
import dev.partnerkit.policy.surface.comments.ReactionKind;
import dev.partnerkit.policy.surface.comments.ThreadDraft;
import dev.partnerkit.policy.surface.comments.ThreadId;
import dev.partnerkit.policy.surface.comments.ThreadSubject;
import dev.partnerkit.policy.surface.comments.ThreadView;
import dev.partnerkit.policy.surface.tasks.TaskDraft;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.spi.ActivityEntry;
import dev.partnerkit.spi.ActivityQuery;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's comments paragraph, walked on every store: entity-scoped threads for events, jobs, blockers and partner
 * tasks; the portal path needs the comment capability; partner comments are never internal-only; internal-only
 * operator comments never reach the partner; comment activity approves, settles and clears nothing.
 */
class CommentsScenarioTest {
  @ParameterizedTest
  @EnumSource(SurfaceStores.class)
  void mayaAndDanaTalkAboutTheReceptionTheJobTheBlockerAndTheTask(SurfaceStores store) {
    SurfacesWorld w = new SurfacesWorld(store.fresh());
    TaskId task = TaskId.of(require(w.ops.tasks().create(w.key(), TaskDraft.builder().occasionId(WEDDING)
        .eventId(RECEPTION).partnerId(ACME).title("Deliver linen").build())).recordId().orElseThrow());
    BlockerId blocker = BlockerId.of(require(w.ops.blockers().report(w.key(), BlockerReport.builder()
        .occasionId(WEDDING).eventId(RECEPTION).partnerId(ACME).jobId(JobId.of("job-42")).kind(BlockerKind.RENTAL)
        .missingProof("Signed rental delivery note").build())).recordId().orElseThrow());
    ThreadId onEvent = thread(w, ThreadDraft.builder().subject(ThreadSubject.event(RECEPTION)).occasionId(WEDDING)
        .partnerId(ACME).title("Reception timing").build());
    ThreadId onJob = thread(w, ThreadDraft.builder().subject(ThreadSubject.job(JobId.of("job-42")))
        .occasionId(WEDDING).eventId(RECEPTION).partnerId(ACME).title("Job 42 linen").build());
    ThreadId onBlocker = thread(w, ThreadDraft.builder().subject(ThreadSubject.blocker(blocker.value()))
        .title("Delivery note").build());
    ThreadId onTask = thread(w, ThreadDraft.builder().subject(ThreadSubject.task(task)).title("Linen count")
        .build());

    // the portal path requires a partner session grant with the comment capability
    w.grant(ACME, Set.of(Surface.COMMENTS, Surface.ACTIVITY), Set.of(PartnerCapability.VIEW_ACTIVITY), Set.of());
    assertEquals(ReasonCode.CAPABILITY_MISSING, w.session(DANA).comments().list().decision().reason());
    w.grant(ACME, Set.of(Surface.COMMENTS, Surface.ACTIVITY), Set.of(PartnerCapability.COMMENT,
        PartnerCapability.VIEW_ACTIVITY), Set.of(RECEPTION));
    PartnerSession dana = w.session(DANA);
    assertEquals(Set.of(onEvent, onJob, onBlocker, onTask), Set.copyOf(dana.comments().list().items().stream()
        .map(ThreadView::threadId).toList()));

    // coordination: comments, mentions of people who can see the thread, reactions
    CommandResult question = require(dana.comments().post(w.key(), onEvent, "Can the truck use the north door?",
        Set.of(Mention.operator(MAYA.userId()))));
    require(w.ops.comments().post(w.key(), onEvent, "Yes, from 7am.", Set.of(Mention.member(DANA.userId())),
        Visibility.PARTNER_VISIBLE));
    require(w.ops.comments().post(w.key(), onEvent, "Acme's margin on linen is thin.", Set.of(),
        Visibility.INTERNAL_ONLY));
    require(dana.comments().react(w.key(), dev.partnerkit.policy.surface.comments.CommentId.of(question.recordId()
        .orElseThrow()), ReactionKind.THUMBS_UP));
    require(dana.comments().post(w.key(), onBlocker, "The signed note is on the truck.", Set.of()));
    require(dana.comments().post(w.key(), onTask, "Counted 120 napkins.", Set.of()));

    // internal-only operator comments never reach the partner, in reads or in activity
    List<CommentView> danaSees = dana.comments().get(onEvent).items().get(0).comments();
    assertEquals(List.of("Can the truck use the north door?", "Yes, from 7am."), danaSees.stream()
        .map(CommentView::text).toList());
    for (ActivityEntry e : dana.activity(ActivityQuery.builder().limit(500).build()).items()) {
      assertFalse(e.summary().contains("margin"), e.summary());
    }
    assertEquals(3, w.ops.comments().get(onEvent).items().get(0).comments().size());

    // partner-created comments cannot be internal-only; a mention outside the thread is refused, not leaked
    assertEquals(ReasonCode.PARTNER_RECORD_CANNOT_BE_INTERNAL, dana.records().createUnder(w.key(), Comments.COMMENT,
        Comments.THREAD.ref(onEvent.value()), Visibility.INTERNAL_ONLY, Comments.COMMENT.example(), List.of())
        .decision().reason());
    CommandResult outside = w.ops.comments().post(w.key(), onEvent, "Vera?", Set.of(Mention.member(
        UserId.of("u-vera"))), Visibility.INTERNAL_ONLY);
    assertEquals(ReasonCode.PERSON_CANNOT_SEE_RECORD, outside.decision().reason());

    // comment activity does not approve artifacts, settle payment or clear readiness blockers
    require(w.ops.comments().resolve(w.key(), onBlocker));
    assertEquals(ObservationStatus.OPEN, w.ops.blockers().get(blocker).items().get(0).status());
    assertEquals(TaskStatus.TO_DO, w.ops.tasks().get(task).items().get(0).status());
    assertTrue(Comments.TYPES.stream().allMatch(t -> t.hostTruths().isEmpty()));
  }

  private static ThreadId thread(SurfacesWorld w, ThreadDraft draft) {
    return ThreadId.of(require(w.ops.comments().startThread(w.key(), draft)).recordId().orElseThrow());
  }
}
