package dev.partnerkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.policy.surface.annotations.Annotations;
import dev.partnerkit.policy.surface.approvals.Approvals;
import dev.partnerkit.policy.surface.runofshow.RunsOfShow;
import dev.partnerkit.policy.surface.tasks.Tasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README stays true: its reason-code list and lifecycle tables are the code's. */
class ReadmeTest {
  private static String readme() throws IOException {
    return Files.readString(Path.of("..", "README.md"));
  }

  private static String section(String text, String heading) {
    int start = text.indexOf(heading);
    assertTrue(start >= 0, "README has no section " + heading);
    int end = text.indexOf("\n#", start + heading.length());
    return text.substring(start, end < 0 ? text.length() : end);
  }

  @Test
  void theReasonCodeListIsEveryReasonCodeInOrder() throws IOException {
    Matcher m = Pattern.compile("`([a-z_]+)`").matcher(section(readme(), "### Reason codes").split("\n\n")[1]);
    List<String> listed = new ArrayList<>();
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertEquals(Arrays.stream(ReasonCode.values()).map(WireNamed::wireName).toList(), listed);
  }

  @Test
  void theTaskLifecycleTableIsTheLifecycle() throws IOException {
    List<String> rows = new ArrayList<>();
    for (String line : section(readme(), "### Partner task lifecycle").split("\n")) {
      if (line.startsWith("| ") && !line.startsWith("| from") && !line.startsWith("|---")) {
        String[] cells = line.split("\\|");
        rows.add(cells[1].trim() + ">" + cells[2].trim() + ":" + cells[3].trim().startsWith("yes")
            + cells[4].trim().startsWith("yes") + cells[5].trim().startsWith("yes"));
      }
    }
    List<String> expected = new ArrayList<>();
    for (var t : Tasks.LIFECYCLE.transitions()) {
      expected.add(t.from().wireName() + ">" + t.to().wireName() + ":"
          + t.actors().contains(dev.partnerkit.domain.ActorKind.PARTNER_MEMBER)
          + t.actors().contains(dev.partnerkit.domain.ActorKind.INTEGRATION)
          + t.actors().contains(dev.partnerkit.domain.ActorKind.OPERATOR));
    }
    assertEquals(expected, rows);
  }

  @Test
  void theArtifactLifecycleTableIsTheLifecycles() throws IOException {
    List<String> rows = new ArrayList<>();
    String type = "";
    for (String line : section(readme(), "### Artifact surfaces").split("\n")) {
      if (line.startsWith("| ") && !line.startsWith("| record type") && !line.startsWith("|---")) {
        String[] cells = line.split("\\|");
        type = cells[1].isBlank() ? type : cells[1].trim().replace("`", "");
        for (String from : cells[2].split(",")) {
          for (String to : cells[3].split(",")) {
            rows.add(type + " " + from.trim() + ">" + to.trim() + ":" + cells[4].trim().startsWith("yes")
                + cells[5].trim().startsWith("yes") + cells[6].trim().startsWith("yes"));
          }
        }
      }
    }
    List<String> expected = new ArrayList<>();
    for (dev.partnerkit.domain.RecordType<?, ?> t : List.of(RunsOfShow.VERSION, Approvals.REQUEST,
        Annotations.TYPE)) {
      for (var move : t.lifecycle().transitions()) {
        expected.add(t.wireName() + " " + move.from().wireName() + ">" + move.to().wireName() + ":"
            + move.actors().contains(dev.partnerkit.domain.ActorKind.PARTNER_MEMBER)
            + move.actors().contains(dev.partnerkit.domain.ActorKind.INTEGRATION)
            + move.actors().contains(dev.partnerkit.domain.ActorKind.OPERATOR));
      }
    }
    assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(rows));
    assertEquals(expected.size(), rows.size());
  }

  @Test
  void theTwoCommandsAreTheOnesCiAndNewcomersRun() throws IOException {
    String text = readme();
    assertTrue(text.contains("./mvnw -B -q -pl examples -am test-compile -Dexample=PartnerkitDemo"));
    assertTrue(text.contains("./mvnw -B verify"));
    assertTrue(Files.readString(Path.of("..", ".ci", "run")).contains("./mvnw -B verify"));
  }

  @Test
  void theSpringSnippetIsTheSpringExamplesCode() throws IOException {
    String section = section(readme(), "### Joining the host's transaction");
    int start = section.indexOf("```java") + "```java".length();
    String snippet = section.substring(start, section.indexOf("```", start));
    String source = Files.readString(Path.of("src", "main", "java", "dev", "partnerkit", "examples",
        "SpringTransactionDemo.java"));
    List<String> code = source.lines().map(l -> l.replaceAll("\\s+//.*$", "").strip()).toList();
    for (String line : snippet.strip().split("\n")) {
      String statement = line.replaceAll("\\s+//.*$", "").strip();
      assertTrue(code.contains(statement), () -> "the Spring example has no line " + statement);
    }
    assertTrue(section.contains("test-compile -Dexample=SpringTransactionDemo"));
    assertTrue(source.contains("test-compile -Dexample=SpringTransactionDemo"));
  }
}
