package io.ecss.csta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CstaExceptionTest {

  @Test
  void isUncheckedAndKeepsMessageAndCause() {
    IOException cause = new IOException("disk");
    CstaException e = new CstaException("bad input at offset 3", cause);
    assertThat(e).isInstanceOf(RuntimeException.class).hasMessage("bad input at offset 3");
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(new CstaException("only message")).hasMessage("only message").hasNoCause();
  }
}
