package io.ecss.clerk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasTableTest {

  @Test
  void parsesRulesCommentsAndRepeatedKeys() {
    AliasTable t =
        AliasTable.parse(
            "\uFEFF# comment\n\nЖеня = Евгений, Евгения   # trailing\r\nженя = божена, евгений\nСаша=Александр\n",
            "a.txt",
            AliasTable.Kind.WORD);
    assertThat(t.expansions("женя")).containsExactly("евгений", "евгения", "божена");
    assertThat(t.expansions("саша")).containsExactly("александр");
    assertThat(t.expansions("нет")).isEmpty();
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.pairCount()).isEqualTo(4);
    assertThat(t.format()).isEqualTo("женя = евгений, евгения, божена\nсаша = александр\n");
    assertThat(AliasTable.parse(t.format(), "b", AliasTable.Kind.WORD).rules()).isEqualTo(t.rules());
    assertThat(t.toString()).isEqualTo("AliasTable{WORD, 2 keys}");
  }

  @Test
  void hardAliasKeysMayHaveSeveralWords() {
    AliasTable t =
        AliasTable.parse("отдел кадров = марина соколова", "h", AliasTable.Kind.HARD);
    assertThat(t.expansions("отдел кадров")).containsExactly("марина соколова");
    assertThat(t.kind()).isEqualTo(AliasTable.Kind.HARD);
  }

  @Test
  void errorsNameTheLine() {
    assertThatThrownBy(() -> AliasTable.parse("а = б\nвгд\n", "x.txt", AliasTable.Kind.WORD))
        .isInstanceOf(ClerkFormatException.class)
        .hasMessage("x.txt:2: missing '=' (expected KEY = VALUE[, VALUE...])")
        .satisfies(e -> assertThat(((ClerkFormatException) e).line()).isEqualTo(2));
    assertThatThrownBy(() -> AliasTable.parse("\n\n = б", "x", AliasTable.Kind.WORD))
        .hasMessage("x:3:1: empty key (expected KEY = VALUE[, VALUE...])");
    assertThatThrownBy(() -> AliasTable.parse("а = б,, в", "x", AliasTable.Kind.WORD))
        .hasMessage("x:1:7: empty value (expected KEY = VALUE[, VALUE...])");
    assertThatThrownBy(() -> AliasTable.parse("отдел кадров = а", "x", AliasTable.Kind.WORD))
        .hasMessage("x:1:1: word alias key must be one word: 'отдел кадров'");
  }

  @Test
  void readsFilesAndRejectsBadUtf8AndHugeFiles(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("a.txt");
    Files.writeString(f, "женя = евгений\n", UTF_8);
    assertThat(AliasTable.read(f, AliasTable.Kind.WORD).expansions("женя")).containsExactly("евгений");
    byte[] bad = {'a', ' ', '=', ' ', 'b', '\n', (byte) 0xff, '\n'};
    assertThatThrownBy(
            () -> AliasTable.read(new ByteArrayInputStream(bad), "bad.txt", AliasTable.Kind.WORD))
        .hasMessage("bad.txt:2: not valid UTF-8 at byte 6");
    byte[] huge = new byte[AliasTable.MAX_BYTES + 1];
    assertThatThrownBy(
            () -> AliasTable.read(new ByteArrayInputStream(huge), "big", AliasTable.Kind.WORD))
        .hasMessageContaining("larger than 16777216 bytes");
  }

  @Test
  void ofAndMerge() {
    AliasTable a = AliasTable.of(AliasTable.Kind.WORD, Map.of("Женя", List.of("Евгений")));
    AliasTable b = AliasTable.of(AliasTable.Kind.WORD, Map.of("женя", List.of("Божена", "евгений")));
    assertThat(a.merge(b).expansions("женя")).containsExactly("евгений", "божена");
    assertThatThrownBy(() -> a.merge(AliasTable.empty(AliasTable.Kind.HARD)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AliasTable.of(AliasTable.Kind.WORD, Map.of("а б", List.of("в"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AliasTable.of(AliasTable.Kind.WORD, Map.of("а", List.of("!"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AliasTable.empty(AliasTable.Kind.WORD).size()).isZero();
  }
}
