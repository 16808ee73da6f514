package dev.partnerkit.policy.surface;

import static dev.partnerkit.policy.surface.SurfaceWorld.ACME;
import static dev.partnerkit.policy.surface.SurfaceWorld.DANA;
import static dev.partnerkit.policy.surface.SurfaceWorld.LAKESIDE;
import static dev.partnerkit.policy.surface.SurfaceWorld.RECEPTION;
import static dev.partnerkit.policy.surface.SurfaceWorld.VERA;
import static dev.partnerkit.policy.surface.SurfaceWorld.WEDDING;
import static dev.partnerkit.policy.surface.SurfaceWorld.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.InvalidValueException;
import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordNotFoundException;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.SourceTruth;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.domain.Visibility;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.PartnerSession;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.TypedRecord;
import dev.partnerkit.spi.memory.InMemoryStorage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The record kernel's traits on test-only types: children under a visible parent, numbered children, host-truth
 * mirrors, partner views of bodies, audience relations, and linker rights at create.
 */
class KernelTraitsTest {
  /** Status of the test types. */
  enum Open implements WireNamed {
    OPEN, CLOSED;

    @Override
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A memo: text for everyone, a secret for operators. */
  record Memo(String text, Optional<String> secret) {}

  static final Lifecycle<Open> LIFECYCLE = Lifecycle.builder(Open.class, Open.OPEN)
      .allow(Open.OPEN, Open.CLOSED, ActorKind.OPERATOR).build();

  static final RecordType<Memo, Open> MEMO = RecordType.builder("memo", Surface.COMMENTS, Memo.class, LIFECYCLE)
      .creators(ActorKind.OPERATOR, ActorKind.PARTNER_MEMBER, ActorKind.INTEGRATION)
      .linkers(ActorKind.OPERATOR, ActorKind.PARTNER_MEMBER, ActorKind.INTEGRATION)
      .audienceRelation("names").relation("about")
      .partnerView(m -> new Memo(m.text(), Optional.empty()))
      .title(Memo::text).example(new Memo("Dock closes at noon", Optional.of("gate code 4411"))).build();

  /** Children of memos that partners may create but not link. */
  static final RecordType<Memo, Open> NOTE = RecordType.builder("memo_note", Surface.COMMENTS, Memo.class, LIFECYCLE)
      .creators(ActorKind.OPERATOR, ActorKind.PARTNER_MEMBER).relation("about")
      .title(Memo::text).example(new Memo("note", Optional.empty())).build();

  /** A host-truth mirror that (wrongly) lets partners create it: the source-truth guard still refuses them. */
  static final RecordType<Memo, Open> WAIVER_COPY = RecordType.builder("waiver_copy", Surface.BLOCKERS, Memo.class,
          LIFECYCLE).creators(ActorKind.OPERATOR, ActorKind.PARTNER_MEMBER).hostTruths(SourceTruth.BLOCKER_WAIVER)
      .title(Memo::text).example(new Memo("waived", Optional.empty())).build();

  final SurfaceWorld w = new SurfaceWorld(InMemoryStorage.create(), MEMO, NOTE, WAIVER_COPY);

  Placement acmeAt() {
    return Placement.builder().occasionId(WEDDING).eventId(RECEPTION).partnerId(ACME).build();
  }

  String memo(Visibility visibility) {
    return require(w.ops.records().create(w.key(), MEMO, acmeAt(), visibility, MEMO.example(), List.of()))
        .recordId().orElseThrow();
  }

  static RecordCommands.NewLink names(String kind, String id) {
    return new RecordCommands.NewLink("names", RecordRef.of(kind, id));
  }

  @Test
  void aHostTruthMirrorIsNeverWrittenByAPartnerWhateverItsCreatorsSay() {
    w.wideGrant(ACME);
    CommandResult partner = w.session(DANA).records().create(w.key(), WAIVER_COPY, acmeAt(),
        Visibility.PARTNER_VISIBLE, WAIVER_COPY.example(), List.of());
    assertEquals(ReasonCode.SOURCE_TRUTH_PROTECTED, partner.decision().reason());
    assertTrue(partner.decision().explanation().contains("blocker waiver"), partner.decision().explanation());
    require(w.ops.records().create(w.key(), WAIVER_COPY, acmeAt(), Visibility.PARTNER_VISIBLE,
        WAIVER_COPY.example(), List.of()));
    assertThrows(InvalidValueException.class, () -> RecordType.builder("bad", Surface.COMMENTS, Memo.class,
        LIFECYCLE).hostTruths(SourceTruth.QUOTE), "a type mirrors only truths its surface never promotes");
    assertEquals(Set.of(SourceTruth.BLOCKER_WAIVER), WAIVER_COPY.hostTruths());
    assertEquals(Set.of(), MEMO.hostTruths());
  }

  @Test
  void partnersReadBodiesThroughThePartnerView() {
    w.wideGrant(ACME);
    String id = memo(Visibility.PARTNER_VISIBLE);
    PartnerSession dana = w.session(DANA);
    assertEquals(Optional.empty(), dana.records().get(MEMO, id).items().get(0).body().secret());
    List<TypedRecord<Memo, Open>> listed = dana.records().list(MEMO, RecordQuery.of("memo", WEDDING).build())
        .items();
    assertEquals(Optional.empty(), listed.get(0).body().secret());
    assertEquals(0, listed.get(0).version(), "the view is the same record version");
    assertEquals(Optional.of("gate code 4411"), w.ops.records().get(MEMO, id).items().get(0).body().secret());
  }

  @Test
  void aPersonNamedMustBeAbleToSeeTheRecordAndTheRefusalSaysNothingAboutWhoExists() {
    w.grant(GrantDraft.builder().partnerId(ACME).scope(GrantScope.builder().occasionId(WEDDING)
        .surfaces(SurfaceWorld.SURFACES).build()).capabilities(SurfaceWorld.CAPABILITIES)
        .members(Set.of(DANA.userId(), UserId.of("u-lee"))).validFrom(SurfaceWorld.FROM).build());
    require(w.ops.records().create(w.key(), MEMO, acmeAt(), Visibility.PARTNER_VISIBLE, MEMO.example(),
        List.of(names("operator", "u-alex"), names("partner_member", "u-dana"))));

    CommandResult zed = w.ops.records().create(w.key(), MEMO, acmeAt(), Visibility.PARTNER_VISIBLE,
        MEMO.example(), List.of(names("partner_member", "u-zed")));
    CommandResult kim = w.ops.records().create(w.key(), MEMO, acmeAt(), Visibility.PARTNER_VISIBLE,
        MEMO.example(), List.of(names("partner_member", "u-kim")));
    assertEquals(ReasonCode.PERSON_CANNOT_SEE_RECORD, zed.decision().reason());
    assertEquals(zed.decision().explanation().replace("u-zed", "X"), kim.decision().explanation().replace("u-kim",
        "X"));
    assertEquals(zed.decision().nextSafeAction().replace("u-zed", "X"), kim.decision().nextSafeAction()
        .replace("u-kim", "X"));

    CommandResult hidden = w.ops.records().create(w.key(), MEMO, acmeAt(), Visibility.INTERNAL_ONLY,
        MEMO.example(), List.of(names("partner_member", "u-dana")));
    assertEquals(ReasonCode.PERSON_CANNOT_SEE_RECORD, hidden.decision().reason(), "nobody outside sees internal");
    require(w.ops.records().create(w.key(), MEMO, acmeAt(), Visibility.INTERNAL_ONLY, MEMO.example(),
        List.of(names("operator", "u-alex"))));

    String id = memo(Visibility.PARTNER_VISIBLE);
    PartnerSession dana = w.session(DANA);
    require(dana.records().link(w.key(), MEMO, id, "names", RecordRef.of("partner_member", "u-lee")));
    assertEquals(ReasonCode.PERSON_CANNOT_SEE_RECORD, dana.records().link(w.key(), MEMO, id, "names",
        RecordRef.of("partner_member", "u-vera")).decision().reason());
    assertThrows(InvalidValueException.class, () -> dana.records().link(w.key(), MEMO, id, "names",
        RecordRef.of("event", "ev-reception")));
    assertEquals(2, w.ops.records().links(MEMO, id, Optional.empty()).size() + 1,
        "only the reachable mention was linked");
  }

  @Test
  void aPartnersCreateThatLinksNeedsLinkerRights() {
    w.wideGrant(ACME);
    String parent = memo(Visibility.PARTNER_VISIBLE);
    PartnerSession dana = w.session(DANA);
    require(dana.records().createUnder(w.key(), NOTE, MEMO.ref(parent), Visibility.PARTNER_VISIBLE,
        NOTE.example(), List.of()));
    CommandResult linked = dana.records().createUnder(w.key(), NOTE, MEMO.ref(parent), Visibility.PARTNER_VISIBLE,
        NOTE.example(), List.of(new RecordCommands.NewLink("about", RecordRef.of("event", "ev-reception"))));
    assertEquals(ReasonCode.OPERATOR_ONLY_ACTION, linked.decision().reason());
    require(w.ops.records().createUnder(w.key(), NOTE, MEMO.ref(parent), Visibility.PARTNER_VISIBLE,
        NOTE.example(), List.of(new RecordCommands.NewLink("about", RecordRef.of("event", "ev-reception")))));
  }

  @Test
  void childrenSitAtTheirVisibleParentsPlacement() {
    w.wideGrant(ACME);
    w.wideGrant(LAKESIDE);
    String acmes = memo(Visibility.PARTNER_VISIBLE);
    String note = require(w.session(DANA).records().createUnder(w.key(), NOTE, MEMO.ref(acmes),
        Visibility.PARTNER_VISIBLE, NOTE.example(), List.of())).recordId().orElseThrow();
    Placement placed = w.ops.records().get(NOTE, note).items().get(0).placement();
    assertEquals(Placement.builder().from(acmeAt()).parent(MEMO.ref(acmes)).build(), placed);
    PartnerSession vera = w.session(VERA);
    assertThrows(RecordNotFoundException.class, () -> vera.records().createUnder(w.key(), NOTE, MEMO.ref(acmes),
        Visibility.PARTNER_VISIBLE, NOTE.example(), List.of()));
    assertThrows(RecordNotFoundException.class, () -> vera.records().create(w.key(), NOTE, Placement.builder()
        .occasionId(WEDDING).partnerId(LAKESIDE).parent(MEMO.ref(acmes)).build(), Visibility.PARTNER_VISIBLE,
        NOTE.example(), List.of()));
    assertThrows(InvalidValueException.class, () -> w.ops.records().createUnder(w.key(), NOTE,
        RecordRef.of("event", "ev-reception"), Visibility.PARTNER_VISIBLE, NOTE.example(), List.of()));
  }

  @Test
  void numberedChildrenCountUpAndDeriveTheirIds() {
    String parent = memo(Visibility.PARTNER_VISIBLE);
    for (int i = 1; i <= 3; i++) {
      int expected = i;
      CommandResult r = require(w.ops.records().createNumbered(w.key(), NOTE, MEMO, parent,
          (memo, n) -> new Memo(memo.text() + " #" + n, Optional.empty()), Map.of("i", i), List.of()));
      assertEquals(Optional.of(parent + "-" + i), r.recordId());
      assertEquals("Dock closes at noon #" + expected, w.ops.records().get(NOTE, r.recordId().orElseThrow())
          .items().get(0).body().text());
    }
  }
}
