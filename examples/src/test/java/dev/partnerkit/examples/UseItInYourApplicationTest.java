package dev.partnerkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.Entitlement;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.GrantScope;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.OperatorRole;
import dev.partnerkit.domain.OperatorUser;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.PartnerId;
import dev.partnerkit.domain.PartnerKind;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.Tenant;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.UserId;
import dev.partnerkit.jdbc.JdbcStorage;
import dev.partnerkit.jdbc.SchemaInstaller;
import dev.partnerkit.policy.surface.tasks.TaskDraft;
import dev.partnerkit.policy.surface.tasks.TaskId;
import dev.partnerkit.policy.surface.tasks.TaskStatus;
import dev.partnerkit.policy.workspace.CommandResult;
import dev.partnerkit.policy.workspace.DirectoryCommands;
import dev.partnerkit.policy.workspace.GrantDraft;
import dev.partnerkit.policy.workspace.MemberInvite;
import dev.partnerkit.policy.workspace.OperatorConsole;
import dev.partnerkit.policy.workspace.PartnerDraft;
import dev.partnerkit.policy.workspace.PartnerSessionOpening;
import dev.partnerkit.policy.workspace.PartnerWorkspace;
import dev.partnerkit.spi.PartnerkitStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it in your application" runs exactly as written: {@link #useIt} holds its step-3 block between
 * the {@code use-it} markers, a test keeps the two identical, and another runs it on a fresh H2 database. When the
 * API changes, change the block here and paste it into the README (or the other way round).
 */
class UseItInYourApplicationTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SELF = Path.of("src", "test", "java", "dev", "partnerkit", "examples",
      "UseItInYourApplicationTest.java");

  /** The README's step 3, word for word: everything but {@code dataSource} (the host's) is made here. */
  static Decision useIt(DataSource dataSource) {
    // use-it: begin
    PartnerkitStorage storage = JdbcStorage.builder(dataSource).build();   // dialect detected from the connection
    PartnerWorkspace workspace = PartnerWorkspace.builder().storage(storage).clock(Clock.systemUTC()).build();

    // Your tenant and Maya, an operator of it. You authenticate the people and machines; Partnerkit decides.
    TenantId toni = TenantId.of("toni-catering");
    storage.directory().saveTenant(Tenant.of(toni, "Toni Catering", ZoneId.of("America/Chicago")));
    OperatorUser maya = OperatorUser.builder().userId(UserId.of("u-maya")).tenantId(toni).displayName("Maya")
        .addRoles(OperatorRole.OWNER_OPS_LEAD).build();

    // Maya switches partner collaboration on for the wedding, adds Acme Rentals to the partner directory and
    // invites Dana, who accepts. Every command takes an idempotency key: a retry with the same key returns the
    // first outcome and writes nothing.
    OperatorConsole ops = workspace.operator(maya);
    OccasionId wedding = OccasionId.of("occ-rivera-wedding");
    ops.setEntitlements("cmd-7f31", wedding, Set.of(Entitlement.MULTI_USER_SUPPORT));
    PartnerId acme = PartnerId.of("p-acme-rentals");
    UserId dana = UserId.of("u-dana");
    DirectoryCommands directory = ops.directory(wedding);
    directory.createPartner("cmd-7f32", PartnerDraft.builder().partnerId(acme).name("Acme Rentals")
        .kind(PartnerKind.RENTAL_COMPANY).build());
    directory.inviteMember("cmd-7f33", MemberInvite.builder().partnerId(acme).userId(dana).displayName("Dana")
        .build());
    workspace.acceptInvitation("dana-01", toni, dana, acme);

    // Maya issues Acme a grant for the wedding's tasks, activates it and gives Acme a task.
    CommandResult issued = ops.issueGrant("cmd-7f34", GrantDraft.builder().partnerId(acme)
        .scope(GrantScope.builder().occasionId(wedding).addSurfaces(Surface.TASKS).build())
        .addCapabilities(PartnerCapability.MANAGE_TASK).validFrom(Instant.now()).build());
    GrantId grantId = GrantId.of(issued.recordId().orElseThrow());
    ops.activateGrant("cmd-7f35", grantId);
    TaskId taskId = TaskId.of(ops.tasks().create("cmd-7f36", TaskDraft.builder().occasionId(wedding)
        .partnerId(acme).title("Deliver linen").build()).recordId().orElseThrow());

    // Dana opens Acme's portal: she sees nothing until an active grant covers her and the occasion.
    PartnerSessionOpening opening = workspace.openPartnerSession(toni, dana, acme, wedding);
    if (opening.session().isEmpty()) {
      return opening.decision();                          // blocked: why, owner, next safe action, proof needed
    }
    CommandResult moved = opening.session().get().tasks().move("dana-02", taskId, TaskStatus.IN_PROGRESS);
    return moved.decision();                              // allowed, or blocked and explained the same way
    // use-it: end
  }

  /** @return the lines between the markers, indentation of the method body removed */
  private static List<String> ownBlock() throws IOException {
    List<String> lines = Files.readAllLines(SELF);
    int begin = lines.indexOf("    // use-it: begin");
    int end = lines.indexOf("    // use-it: end");
    assertTrue(begin > 0 && end > begin, "markers in " + SELF);
    List<String> block = new ArrayList<>();
    for (String line : lines.subList(begin + 1, end)) {
      assertTrue(line.isEmpty() || line.startsWith("    "), "indented: " + line);
      block.add(line.isEmpty() ? line : line.substring(4));
    }
    return block;
  }

  /** @return the java block between the README's {@code use-it} markers */
  private static List<String> readmeBlock() throws IOException {
    String readme = Files.readString(README);
    Matcher m = Pattern.compile("<!-- use-it: begin[^>]*-->\\s*```java\\n(.*?)\\n```\\s*<!-- use-it: end -->",
        Pattern.DOTALL).matcher(readme);
    assertTrue(m.find(), "README has a java block between <!-- use-it: begin --> and <!-- use-it: end -->");
    return List.of(m.group(1).split("\n", -1));
  }

  @Test
  void theReadmeBlockIsThisTestsCode() throws IOException {
    assertEquals(ownBlock(), readmeBlock(), "README.md's use-it block and UseItInYourApplicationTest.useIt differ");
  }

  @Test
  void theReadmeBlockRunsOnAFreshDatabase() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:use-it-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    SchemaInstaller.install(dataSource);          // step 2
    Decision moved = useIt(dataSource);           // step 3
    assertTrue(moved.allowed(), moved::render);
    assertEquals(ReasonCode.ALLOWED_BY_GRANT, moved.reason());
  }

  @Test
  void theReadmeDependenciesAreThisBuildsArtifacts() throws IOException {
    String readme = Files.readString(README);
    String steps = readme.substring(readme.indexOf("## Use it in your application"));
    Matcher xml = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(steps);
    assertTrue(xml.find(), "a dependency block");
    Matcher dep = Pattern.compile("<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*"
        + "<version>([^<]+)</version>").matcher(xml.group(1));
    String version = projectVersion();
    int found = 0;
    while (dep.find()) {
      found++;
      assertEquals("dev.partnerkit", dep.group(1));
      assertTrue(Files.isRegularFile(Path.of("..", dep.group(2), "pom.xml")), "a module " + dep.group(2));
      assertEquals(version, dep.group(3), dep.group(2) + " version");
    }
    assertTrue(found >= 2, "the README names the artifacts to add");
    assertTrue(steps.contains("./mvnw -B install -DskipTests"),
        "the README says how to get the artifacts before they are published");
  }

  private static String projectVersion() throws IOException {
    Matcher m = Pattern.compile("<artifactId>partner-bom</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("..", "partner-bom", "pom.xml")));
    assertTrue(m.find());
    return m.group(1);
  }
}
