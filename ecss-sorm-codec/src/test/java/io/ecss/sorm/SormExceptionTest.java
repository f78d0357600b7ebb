package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SormExceptionTest {

  @Test
  void isUncheckedAndKeepsMessageAndCause() {
    IOException cause = new IOException("disk");
    SormException e = new SormException("bad input at offset 3", cause);
    assertThat(e).isInstanceOf(RuntimeException.class).hasMessage("bad input at offset 3");
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(new SormException("only message")).hasMessage("only message").hasNoCause();
  }
}
