package dev.partnerkit.domain;

import static dev.partnerkit.domain.ActorKind.INTEGRATION;
import static dev.partnerkit.domain.ActorKind.OPERATOR;
import static dev.partnerkit.domain.ActorKind.PARTNER_MEMBER;
import static dev.partnerkit.domain.LifecycleTest.Step.DONE;
import static dev.partnerkit.domain.LifecycleTest.Step.DRAFT;
import static dev.partnerkit.domain.LifecycleTest.Step.OPEN;
import static dev.partnerkit.domain.LifecycleTest.Step.REVIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The lifecycle helper every record type shares: a state machine as data, fail-closed. */
class LifecycleTest {
  /** A small status enum, independent of any surface. */
  enum Step implements WireNamed {
    DRAFT, OPEN, REVIEW, DONE;

    @Override
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static Lifecycle.Builder<Step> builder() {
    return Lifecycle.builder(Step.class, DRAFT);
  }

  static Lifecycle<Step> sample() {
    return builder()
        .allow(DRAFT, OPEN, PARTNER_MEMBER, OPERATOR)
        .allow(OPEN, REVIEW, PARTNER_MEMBER, INTEGRATION, OPERATOR)
        .allow(REVIEW, DONE, OPERATOR)
        .allow(REVIEW, OPEN, OPERATOR)
        .prerequisitesClosedFor(REVIEW, DONE)
        .closed(DONE)
        .build();
  }

  @Test
  void listedMovesAreAllowedForTheirActorsAndNothingElseIs() {
    Lifecycle<Step> life = sample();
    assertEquals(Step.class, life.statusType());
    assertEquals(DRAFT, life.initial());
    assertEquals(4, life.transitions().size());
    int legal = 0;
    for (Step from : Step.values()) {
      for (Step to : Step.values()) {
        for (ActorKind kind : ActorKind.values()) {
          legal += life.allows(from, to, kind) ? 1 : 0;
        }
      }
    }
    assertEquals(2 + 3 + 1 + 1, legal, "exactly the listed (move, actor) pairs");
    assertTrue(life.allows(DRAFT, OPEN, PARTNER_MEMBER));
    assertFalse(life.allows(DRAFT, OPEN, INTEGRATION), "an actor kind not named is refused");
    assertFalse(life.allows(OPEN, DRAFT, OPERATOR), "a move not listed is refused, even for operators");
    assertFalse(life.allows(DRAFT, REVIEW, OPERATOR), "no skipping");
    assertNull(life.find(DONE, OPEN));
    assertEquals(EnumSet.of(OPERATOR), life.find(REVIEW, DONE).actors());
  }

  @Test
  void targetsAreTheMovesOneActorMayMakeInTableOrder() {
    Lifecycle<Step> life = sample();
    assertEquals(List.of(DONE, OPEN), life.targets(REVIEW, OPERATOR));
    assertEquals(List.of(), life.targets(REVIEW, PARTNER_MEMBER));
    assertEquals(List.of(REVIEW), life.targets(OPEN, INTEGRATION));
    assertEquals(List.of(), life.targets(DRAFT, INTEGRATION));
    for (ActorKind kind : ActorKind.values()) {
      assertEquals(List.of(), life.targets(DONE, kind), "done is final for " + kind);
    }
  }

  @Test
  void prerequisitesAndClosedStatusesAreWhatWasListed() {
    Lifecycle<Step> life = sample();
    for (Step s : Step.values()) {
      assertEquals(s == REVIEW || s == DONE, life.needsPrerequisitesClosed(s), s.wireName());
      assertEquals(s == DONE, life.isClosed(s), s.wireName());
    }
  }

  @Test
  void aMoveListedTwiceIsRefusedEvenWithOtherActors() {
    Lifecycle.Builder<Step> b = builder().allow(DRAFT, OPEN, OPERATOR);
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> b.allow(DRAFT, OPEN, PARTNER_MEMBER));
    assertEquals("to", e.field());
    assertTrue(e.getMessage().contains("the move draft -> open is listed twice"), e.getMessage());
  }

  @Test
  void aMoveToItselfIsRefused() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> builder().allow(OPEN, OPEN, OPERATOR));
    assertEquals("to", e.field());
    assertTrue(e.getMessage().contains("open goes to itself"), e.getMessage());
  }

  @Test
  void missingPartsAreNamed() {
    assertEquals("from", assertThrows(InvalidValueException.class, () -> builder().allow(null, OPEN, OPERATOR))
        .field());
    assertEquals("to", assertThrows(InvalidValueException.class, () -> builder().allow(OPEN, null, OPERATOR))
        .field());
    assertEquals("statusType", assertThrows(InvalidValueException.class,
        () -> Lifecycle.<Step>builder(null, DRAFT)).field());
    assertEquals("initial", assertThrows(InvalidValueException.class, () -> Lifecycle.builder(Step.class, null))
        .field());
    assertEquals("targets[]", assertThrows(InvalidValueException.class,
        () -> builder().prerequisitesClosedFor(REVIEW, null)).field());
    assertEquals("statuses[]", assertThrows(InvalidValueException.class, () -> builder().closed((Step) null))
        .field());
  }

  @Test
  void needingPrerequisitesClosedNeedsAClosedStatus() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> builder().allow(DRAFT, OPEN, OPERATOR).prerequisitesClosedFor(OPEN).build());
    assertEquals("closed", e.field());
    assertTrue(builder().allow(DRAFT, OPEN, OPERATOR).build().transitions().size() == 1,
        "a lifecycle without prerequisites needs no closed status");
  }

  @Test
  void aBuiltLifecycleDoesNotChangeWhenItsBuilderIsUsedAgain() {
    Lifecycle.Builder<Step> b = builder().allow(DRAFT, OPEN, OPERATOR).prerequisitesClosedFor(DONE).closed(DONE);
    Lifecycle<Step> built = b.build();
    b.allow(OPEN, REVIEW, OPERATOR).prerequisitesClosedFor(REVIEW).closed(REVIEW);
    assertEquals(1, built.transitions().size());
    assertFalse(built.needsPrerequisitesClosed(REVIEW));
    assertFalse(built.isClosed(REVIEW));
    assertThrows(UnsupportedOperationException.class, () -> built.transitions().clear());
  }

  @Test
  void transitionsCopyTheirActors() {
    EnumSet<ActorKind> actors = EnumSet.of(OPERATOR);
    Lifecycle.Transition<Step> t = new Lifecycle.Transition<>(DRAFT, OPEN, actors);
    actors.add(PARTNER_MEMBER);
    assertEquals(EnumSet.of(OPERATOR), t.actors());
    assertThrows(UnsupportedOperationException.class, () -> t.actors().add(INTEGRATION));
  }

  @Test
  void parseNamesTheFieldAndTheAcceptedStatuses() {
    Lifecycle<Step> life = sample();
    assertEquals(REVIEW, life.parse("record.toStatus", "review"));
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> life.parse("record.toStatus", "REVIEW"));
    assertEquals("record.toStatus", e.field());
    assertTrue(e.getMessage().startsWith("record.toStatus must be one of [draft, open, review, done]"),
        e.getMessage());
    assertTrue(e.getMessage().contains("'REVIEW'"), e.getMessage());
    InvalidValueException missing = assertThrows(InvalidValueException.class,
        () -> life.parse("record.fromStatus", null));
    assertEquals("record.fromStatus", missing.field());
  }
}
