package io.ecss.examples;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Prints the version of every ECSS SDK library module on the class path, read from the {@code
 * pom.properties} that Maven puts into each jar (and the shaded {@code ecss.jar} keeps).
 */
final class VersionProvider implements IVersionProvider {

  /** The library artifacts, in the order of the module table. */
  static final List<String> MODULES =
      List.of(
          "ecss-sorm-codec",
          "ecss-routing-xml",
          "ecss-asr-client",
          "ecss-clerk-matcher",
          "ecss-webvtt",
          "ecss-csta");

  @Override
  public String[] getVersion() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("ecss " + version("ecss-examples") + " (ECSS SDK command-line tool)");
    for (String m : MODULES) {
      lines.add(String.format("  %-20s %s", m, version(m)));
    }
    lines.add(
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")");
    return lines.toArray(new String[0]);
  }

  /** The version of {@code io.ecss:artifact} on the class path, or "unknown" when not packaged. */
  static String version(String artifact) throws IOException {
    String res = "/META-INF/maven/io.ecss/" + artifact + "/pom.properties";
    try (InputStream in = VersionProvider.class.getResourceAsStream(res)) {
      if (in == null) {
        return "unknown (not run from a packaged jar)";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    }
  }
}
