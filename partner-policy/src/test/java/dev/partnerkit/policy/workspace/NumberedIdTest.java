package dev.partnerkit.policy.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.internal.Checks;
import org.junit.jupiter.api.Test;

/** The ids of numbered children: readable when they fit, a stable hash when they would not. */
class NumberedIdTest {
  @Test
  void shortParentsGetReadableIdsAndLongOnesAStableHash() {
    assertEquals("d-7f3a-2", RecordCommands.numberedId("d-7f3a", 2));
    String parent = "p".repeat(Checks.MAX_IDENTIFIER_LENGTH - 2);
    assertEquals(parent + "-9", RecordCommands.numberedId(parent, 9));
    String hashed = RecordCommands.numberedId(parent, 10);
    assertTrue(hashed.matches("n-[0-9a-f]{40}"), hashed);
    assertEquals(hashed, RecordCommands.numberedId(parent, 10));
    assertNotEquals(hashed, RecordCommands.numberedId(parent, 11));
    Checks.identifier("id", hashed);
  }
}
