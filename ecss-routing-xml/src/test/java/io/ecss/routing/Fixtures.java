package io.ecss.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test fixtures: the manual's context directories under {@code src/test/resources/manual}. */
final class Fixtures {
  private Fixtures() {}

  static Path manual(String domain) {
    URL url = Fixtures.class.getClassLoader().getResource("manual/" + domain);
    if (url == null) {
      throw new IllegalStateException("fixture manual/" + domain + " missing");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static RoutingDomain domain(String domain, String defaultContext) {
    try {
      return RoutingDomain.load(manual(domain), defaultContext);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
