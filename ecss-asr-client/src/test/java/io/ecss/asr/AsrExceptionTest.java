package io.ecss.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class AsrExceptionTest {

  @Test
  void isUncheckedAndKeepsMessageAndCause() {
    IOException cause = new IOException("disk");
    AsrException e = new AsrException("bad input at offset 3", cause);
    assertThat(e).isInstanceOf(RuntimeException.class).hasMessage("bad input at offset 3");
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(new AsrException("only message")).hasMessage("only message").hasNoCause();
  }
}
