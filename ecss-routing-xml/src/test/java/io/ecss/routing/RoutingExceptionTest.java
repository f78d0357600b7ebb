package io.ecss.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RoutingExceptionTest {

  @Test
  void isUncheckedAndKeepsMessageAndCause() {
    IOException cause = new IOException("disk");
    RoutingException e = new RoutingException("bad input at offset 3", cause);
    assertThat(e).isInstanceOf(RuntimeException.class).hasMessage("bad input at offset 3");
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(new RoutingException("only message")).hasMessage("only message").hasNoCause();
  }
}
