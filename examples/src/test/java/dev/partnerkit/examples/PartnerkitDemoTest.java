package dev.partnerkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  void theStoryDecidesAsTold() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Decision> decisions = PartnerkitDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<ReasonCode> reasons = decisions.stream().map(Decision::reason).collect(Collectors.toList());
    assertEquals(List.of(
        ReasonCode.GRANT_PENDING,
        ReasonCode.ALLOWED_BY_GRANT, ReasonCode.ALLOWED_BY_GRANT, ReasonCode.ALLOWED_BY_GRANT,
        ReasonCode.ALLOWED_BY_GRANT, ReasonCode.ALLOWED_BY_GRANT,
        ReasonCode.OPERATOR_ONLY_TRANSITION,
        ReasonCode.GRANT_EXPIRED,
        ReasonCode.PRODUCT_SCOPE_UNAVAILABLE, ReasonCode.ALLOWED_FOR_OPERATOR, ReasonCode.PRODUCT_SCOPE_UNAVAILABLE,
        ReasonCode.SOURCE_TRUTH_PROTECTED, ReasonCode.ALLOWED_BY_GRANT,
        ReasonCode.ALLOWED_FOR_OPERATOR), reasons);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("Blocked because the grant g-acme-wedding for Acme Rentals expired on 2026-11-15."), text);
    assertTrue(text.contains("Owner: billing admin."), text);
    assertTrue(text.contains("it does not clear job readiness"), text);
  }
}
