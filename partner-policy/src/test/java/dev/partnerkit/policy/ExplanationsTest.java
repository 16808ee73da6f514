package dev.partnerkit.policy;

import static dev.partnerkit.policy.DecisionPropertiesTest.theory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.AccessGrant;
import dev.partnerkit.domain.AccessRequest;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.EventId;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.ResourceId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The words of decisions: one explainer per reason code, and explanations that name only what the actor named or
 * may know — never another occasion, an event or resource the request did not name, another partner's grant or a
 * plan key — and that do not say the same thing twice ("a task on tasks").
 */
class ExplanationsTest {
  /** A word, then " on " (and maybe "the "), then the same word again, singular or plural: "task on tasks". */
  private static final Pattern DOUBLED = Pattern.compile("\\b(\\w+?)s? on (?:the )?\\1s?\\b",
      Pattern.CASE_INSENSITIVE);

  @Test
  void everyReasonCodeHasAnExplainer() {
    assertEquals(EnumSet.allOf(ReasonCode.class), Explanations.explainedCodes());
  }

  /** What is wrong with the words of {@code d}, deciding {@code request} over {@code grants}; empty when nothing. */
  static List<String> leaks(AccessRequest request, List<AccessGrant> grants, Decision d) {
    String text = d.explanation() + "\n" + d.nextSafeAction() + "\n" + d.proofNeeded();
    List<String> out = new ArrayList<>();
    for (OccasionId o : Generators.OCCASIONS) {
      if (!o.equals(request.occasionId()) && mentions(text, o.value())) {
        out.add("another occasion: " + o);
      }
    }
    for (EventId e : Generators.EVENTS) {
      if (!request.eventId().map(e::equals).orElse(false) && mentions(text, e.value())) {
        out.add("an event the request did not name: " + e);
      }
    }
    for (ResourceId r : Generators.RESOURCES) {
      if (!request.resourceId().map(r::equals).orElse(false) && mentions(text, r.value())) {
        out.add("a resource the request did not name: " + r);
      }
    }
    Optional<PartnerId> acting = request.actor().actingPartner();
    for (AccessGrant g : grants) {
      boolean own = acting.map(g.partnerId()::equals).orElse(false) && g.tenantId().equals(request.tenantId());
      if (!own && mentions(text, g.grantId().value())) {
        out.add("the grant " + g.grantId() + " of partner " + g.partnerId() + " in " + g.tenantId());
      }
    }
    if (acting.isPresent() && text.contains(Entitlement.MULTI_USER_SUPPORT.key())) {
      out.add("a plan key, to a partner-side actor");
    }
    Matcher doubled = DOUBLED.matcher(text);
    if (doubled.find()) {
      out.add("doubled wording: '" + doubled.group() + "'");
    }
    return out;
  }

  /** Whether {@code id} occurs in {@code text} as a whole identifier (so {@code g-1} is not found in {@code g-10}). */
  private static boolean mentions(String text, String id) {
    return Pattern.compile("(?<![\\w-])" + Pattern.quote(id) + "(?![\\w-])").matcher(text).find();
  }

  @Test
  void theLeakCheckFindsWhatItLooksFor() {
    AccessRequest request = AccessRequest.view(Fixtures.DANA, Fixtures.TENANT, Fixtures.OCCASION,
        dev.partnerkit.domain.Surface.TASKS).eventId(Fixtures.RECEPTION).build();
    AccessGrant venues = Fixtures.wideGrant("g-9").partnerId(Fixtures.VENUE).build();
    Decision d = AccessDecider.create().decide(request, Fixtures.facts(), Fixtures.NOW);
    assertEquals(List.of(), leaks(request, List.of(venues), d), d::render);
    Decision bad = Decision.builder().from(d).explanation("Blocked because the grant g-9 covers occasion occ-gala,"
        + " event ev-ceremony, resource art-menu-v2, unlike g-90; ask for feature.multi_user_support.")
        .nextSafeAction("keep moving tasks on tasks.").build();
    assertEquals(List.of("another occasion: occ-gala", "an event the request did not name: ev-ceremony",
        "a resource the request did not name: art-menu-v2", "the grant g-9 of partner p-venue in toni-catering",
        "a plan key, to a partner-side actor", "doubled wording: 'tasks on tasks'"),
        leaks(request, List.of(venues), bad));
    assertTrue(DOUBLED.matcher("covers moving a task on tasks").find());
    assertTrue(DOUBLED.matcher("a task on the tasks surface").find());
    assertFalse(DOUBLED.matcher("covers reading on tasks").find());
    assertFalse(DOUBLED.matcher("add the evidence to comments").find());
  }

  @Test
  void randomDecisionsNameOnlyWhatTheRequestNamed() {
    Set<ReasonCode> seen = EnumSet.noneOf(ReasonCode.class);
    theory().forAll(Generators.worlds()).checkAssert(w -> {
      Decision d = w.decide();
      seen.add(d.reason());
      List<String> leaks = leaks(w.request(), w.grants(), d);
      assertTrue(leaks.isEmpty(), () -> leaks + " in:\n" + d.render());
    });
    assertTrue(seen.size() >= 20, "the random worlds reach most reason codes: " + seen);
    assertTrue(seen.contains(ReasonCode.ALLOWED_BY_GRANT) && seen.contains(ReasonCode.OUT_OF_SCOPE), "" + seen);
  }

  @Test
  void everyExampleOfEveryCodeNamesOnlyWhatTheRequestNamed() {
    for (ReasonCodeExamplesTest.Scenario s : ReasonCodeExamplesTest.scenarios()) {
      for (ReasonCodeExamplesTest.Case c : List.of(s.blocked(), s.fixed())) {
        Decision d = c.decide();
        List<AccessGrant> grants = new ArrayList<>();
        for (PartnerId p : Generators.PARTNERS) {
          grants.addAll(c.facts().grants().grantsFor(Fixtures.TENANT, p));
          grants.addAll(c.facts().grants().grantsFor(Fixtures.OTHER_TENANT, p));
        }
        List<String> leaks = leaks(c.request(), grants, d);
        assertTrue(leaks.isEmpty(), () -> s + ": " + leaks + " in:\n" + d.render());
      }
    }
  }

  @Test
  void anOutOfScopeGrantOfAnotherOccasionIsNotNamedByItsOccasion() {
    AccessGrant gala = Fixtures.wideGrant("g-7").scope(dev.partnerkit.domain.GrantScope.builder()
        .occasionId(Fixtures.OTHER_OCCASION).addEvents(EventId.of("ev-gala-dinner"))
        .addSurfaces(dev.partnerkit.domain.Surface.TASKS).build()).build();
    Decision d = AccessDecider.create().decide(Fixtures.viewTask(Fixtures.DANA, Fixtures.RECEPTION, null),
        Fixtures.taskFacts(gala), Fixtures.NOW);
    assertEquals(ReasonCode.OUT_OF_SCOPE, d.reason());
    String text = d.render();
    assertFalse(text.contains("occ-gala") || text.contains("ev-gala-dinner"), text);
    assertTrue(d.explanation().contains("does not cover occasion occ-wedding, event ev-reception"), text);
  }
}
