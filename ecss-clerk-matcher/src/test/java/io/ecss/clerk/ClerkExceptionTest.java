package io.ecss.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ClerkExceptionTest {

  @Test
  void isUncheckedAndKeepsMessageAndCause() {
    IOException cause = new IOException("disk");
    ClerkException e = new ClerkException("bad input at offset 3", cause);
    assertThat(e).isInstanceOf(RuntimeException.class).hasMessage("bad input at offset 3");
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(new ClerkException("only message")).hasMessage("only message").hasNoCause();
  }
}
