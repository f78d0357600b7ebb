package io.ecss.csta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HelpersTest {

  @Test
  void apiKeysAre64AlphanumericAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      CstaApiKey k = CstaApiKey.generate();
      assertThat(k.value()).hasSize(64).matches("[A-Za-z0-9]{64}");
      assertThat(seen.add(k.value())).isTrue();
    }
  }

  @Test
  void apiKeyComparisonAndRedaction() {
    CstaApiKey k = CstaApiKey.generate();
    assertThat(k.matches(k.value())).isTrue();
    assertThat(k.matches(k.value().substring(1) + "x")).isFalse();
    assertThat(k.matches("short")).isFalse();
    assertThat(CstaApiKey.of(k.value())).isEqualTo(k).hasSameHashCodeAs(k);
    assertThat(k.toString()).doesNotContain(k.value().substring(0, 60)).endsWith(k.value().substring(60) + "]");
    assertThatThrownBy(() -> CstaApiKey.of("abc")).hasMessage("API key has 3 characters (expected 64)");
    assertThatThrownBy(() -> CstaApiKey.of("-".repeat(64))).hasMessage("API key character 1 is not a letter or digit");
  }

  @Test
  void urlTemplatesEncodeValues() {
    CstaCallTemplate t = CstaCallTemplate.parse("https://crm.example/card?phone=%CGPN.digits%&name=%CGPN.display_name%&x=%20%FOO%");
    assertThat(t.isUrl()).isTrue();
    assertThat(t.macros()).containsExactly("CGPN.digits", "CGPN.display_name");
    assertThat(t.render(Map.of("CGPN.digits", "+7 900", "CGPN.display_name", "Иванов И.")))
        .isEqualTo("https://crm.example/card?phone=%2B7%20900&name=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%20%D0%98.&x=%20%FOO%");
  }

  @Test
  void textTemplatesInsertVerbatimAndDefaultDateTime() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T09:05:07Z"), ZoneOffset.UTC);
    CstaCallTemplate t = CstaCallTemplate.parse("Call %CALL_REF% from %CGPN.display_name% to %CDPN.digits% at %DATE% %TIME% q=%QUEUE_ID%");
    assertThat(t.isUrl()).isFalse();
    assertThat(t.render(Map.of("CALL_REF", "C1", "CGPN.display_name", "Иванов & Co", "CDPN.digits", "102"), clock))
        .isEqualTo("Call C1 from Иванов & Co to 102 at 2026-11-27 09:05:07 q=");
    assertThat(t.render(Map.of("DATE", "today", "TIME", "now"), clock)).contains("at today now");
    assertThat(t.toString()).startsWith("Call %CALL_REF%");
    assertThatThrownBy(() -> t.render(Map.of("NOPE", "1"), clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("macro: NOPE (expected one of CGPN.digits");
    assertThat(CstaCallTemplate.parse("%%AGENT_ID%%").render(Map.of("AGENT_ID", "7"))).isEqualTo("%7%");
    assertThat(CstaCallTemplate.parse("50%").render(Map.of())).isEqualTo("50%");
  }
}
