package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SormFrameWriterBatchTest {
  /** Records the size of every write. */
  static final class Recording extends OutputStream {
    final ByteArrayOutputStream all = new ByteArrayOutputStream();
    final List<Integer> writes = new ArrayList<>();

    @Override
    public void write(int b) {
      all.write(b);
      writes.add(1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      all.write(b, off, len);
      writes.add(len);
    }
  }

  @Test
  void writeAllPacksWholeFramesUpToTheBatchLimit() throws Exception {
    Kpd2Message m = new Kpd2Message.TestReply(1, 7, 1, 1); // 15 bytes
    List<Kpd2Message> many = Collections.nCopies(100, m);
    Recording out = new Recording();
    SormFrameWriter w = SormFrameWriter.of(out, SormCodec.DEFAULT);
    w.writeAll(many);
    w.writeAll(List.of());
    assertThat(out.writes).containsExactly(93 * 15, 7 * 15);
    assertThat(w.framesWritten()).isEqualTo(100);
    byte[] one = SormCodec.DEFAULT.encode(m);
    byte[] all = out.all.toByteArray();
    for (int i = 0; i < 100; i++) {
      assertThat(java.util.Arrays.copyOfRange(all, i * 15, i * 15 + 15)).isEqualTo(one);
    }
    SormFrameWriter channel = SormFrameWriter.of(java.nio.channels.Channels.newChannel(out), SormCodec.DEFAULT);
    channel.writeAll(List.of(m, m));
    assertThat(out.writes.get(out.writes.size() - 1)).isEqualTo(30);
  }
}
