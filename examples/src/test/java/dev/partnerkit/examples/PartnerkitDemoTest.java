package dev.partnerkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.ReasonCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PartnerkitDemoTest {
  @Test
  void theStoryDecidesAsToldThroughTheWorkspaceOnH2() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Decision> decisions = PartnerkitDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<ReasonCode> partnerSide = decisions.stream().map(Decision::reason)
        .filter(r -> r != ReasonCode.ALLOWED_FOR_OPERATOR).collect(Collectors.toList());
    assertEquals(List.of(
        ReasonCode.ACTOR_NOT_RESOLVED, ReasonCode.ALLOWED_FOR_MEMBER, ReasonCode.INVITATION_NOT_OPEN,
        ReasonCode.GRANT_PENDING,
        ReasonCode.ALLOWED_BY_GRANT, ReasonCode.ALLOWED_BY_GRANT,
        ReasonCode.ALLOWED_BY_GRANT, ReasonCode.ALLOWED_BY_GRANT, ReasonCode.ALLOWED_BY_GRANT,
        ReasonCode.ALLOWED_BY_GRANT,
        ReasonCode.OPERATOR_ONLY_TRANSITION,
        ReasonCode.GRANT_EXPIRED,
        ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, ReasonCode.PRODUCT_SCOPE_UNAVAILABLE,
        ReasonCode.SOURCE_TRUTH_PROTECTED, ReasonCode.ALLOWED_BY_GRANT,
        // the floor plan: Vera registers it, uploads versions 1 and 2, annotates, approves, uploads version 3
        ReasonCode.ALLOWED_BY_GRANT, ReasonCode.ALLOWED_BY_GRANT, ReasonCode.ALLOWED_BY_GRANT,
        ReasonCode.ALLOWED_BY_GRANT, ReasonCode.ALLOWED_BY_GRANT, ReasonCode.ALLOWED_BY_GRANT), partnerSide);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("for Acme Rentals expired on 2026-11-15."), text);
    assertTrue(text.contains("replayed=true"), text);
    assertTrue(text.contains("webhook-signature: v1,"), text);
    assertTrue(text.contains("verified with the subscription's secret: true"), text);
    assertTrue(text.contains("Inkwell asking for guest profiles: data_class_forbidden"), text);
    assertTrue(text.contains("Event identity before the link: pending."), text);
    assertTrue(text.contains("Event identity after the link: resolved."), text);
    assertTrue(text.contains("Request state: approved_with_changes"), text);
    assertTrue(text.contains("the approval of version 2 is stale=true (kept, not deleted); a decision is needed on"
        + " version 3."), text);
    assertTrue(text.contains("The redline stays on version 2."), text);
    String operatorView = text.substring(text.indexOf("== Activity timeline as the operator sees it"),
        text.indexOf("== Activity timeline as Acme Rentals sees it"));
    String partnerView = text.substring(text.indexOf("== Activity timeline as Acme Rentals sees it"));
    assertTrue(operatorView.contains("[internal] Acme's linen invoice"), operatorView);
    assertFalse(partnerView.contains("[internal]"), partnerView);
    assertFalse(partnerView.contains("invoice"), partnerView);
    assertFalse(partnerView.contains("p-lakeside-hall"), partnerView);
    assertTrue(partnerView.contains("from submitted to approved"), partnerView);
  }
}
