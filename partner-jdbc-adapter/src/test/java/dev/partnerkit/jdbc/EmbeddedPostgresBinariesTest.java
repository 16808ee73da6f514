package dev.partnerkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL binaries on the test classpath are this build machine's, and only those: the pg-* profiles
 * of the parent POM pick them by operating system and architecture, so contributors on macOS, Windows and ARM run the
 * PostgreSQL tests too.
 */
class EmbeddedPostgresBinariesTest {
  private static final List<String> PLATFORMS = List.of("linux-x86_64", "linux-arm_64", "darwin-x86_64",
      "darwin-arm_64", "windows-x86_64");

  /** @return the platform as zonky names its binaries, e.g. {@code darwin-arm_64} */
  static String platform(String osName, String osArch) {
    String name = osName.toLowerCase(Locale.ROOT);
    String os = name.startsWith("mac") ? "darwin" : name.startsWith("windows") ? "windows" : "linux";
    if (os.equals("windows")) {
      return "windows-x86_64"; // Windows on ARM runs the amd64 binaries: there are no others
    }
    String arch = osArch.equals("aarch64") || osArch.equals("arm64") ? "arm_64" : "x86_64";
    return os + "-" + arch;
  }

  @Test
  void theBinariesAreThisMachinesAndNoOthers() {
    String here = platform(System.getProperty("os.name"), System.getProperty("os.arch"));
    ClassLoader loader = getClass().getClassLoader();
    assertNotNull(loader.getResource("postgres-" + here + ".txz"), "no embedded PostgreSQL binaries for " + here
        + " on the test classpath: the pg-* profile for this platform did not activate");
    List<String> others = new ArrayList<>();
    for (String platform : PLATFORMS) {
      if (!platform.equals(here) && loader.getResource("postgres-" + platform + ".txz") != null) {
        others.add(platform);
      }
    }
    assertEquals(List.of(), others, "binaries of other platforms on the test classpath");
  }

  @Test
  void theProfilesPlatformsAreTheJvmsNames() {
    assertEquals("linux-x86_64", platform("Linux", "amd64"));
    assertEquals("linux-arm_64", platform("Linux", "aarch64"));
    assertEquals("darwin-x86_64", platform("Mac OS X", "x86_64"));
    assertEquals("darwin-arm_64", platform("Mac OS X", "aarch64"));
    assertEquals("windows-x86_64", platform("Windows 11", "amd64"));
    assertEquals("windows-x86_64", platform("Windows 11", "aarch64"));
  }
}
