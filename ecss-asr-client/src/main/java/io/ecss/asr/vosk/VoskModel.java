package io.ecss.asr.vosk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecss.asr.AsrException;
import io.ecss.asr.jsgf.ExpansionLimits;
import io.ecss.asr.jsgf.JsgfExpander;
import io.ecss.asr.jsgf.JsgfGrammarSet;
import io.ecss.asr.jsgf.JsgfMatcher;
import io.ecss.asr.jsgf.MatchOptions;
import io.ecss.asr.recognition.RecognizerFactory;
import io.ecss.asr.recognition.SpeechRecognizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * A Vosk (Kaldi) model loaded once and shared by every recogniser made from it.
 *
 * <p>{@link #load(Path)} checks the directory before Vosk sees it — it must exist and hold a Vosk
 * model layout ({@code am/final.mdl} and {@code conf/model.conf}, or the older {@code final.mdl}
 * and {@code mfcc.conf}) — and reads the model's sample rate from its MFCC configuration, so a
 * wrong path is an {@link AsrException} naming the path instead of a native error. The Vosk native
 * library is loaded once per JVM, on first use, with Vosk's own logging reduced to warnings.
 *
 * <p>Recognisers: {@link #open()} gives free recognition with word timings; {@link
 * #open(List)} restricts recognition to a phrase list (Vosk "grammar"; {@code "[unk]"} is added so
 * that out-of-grammar speech is not forced onto a phrase); {@link #open(JsgfGrammarSet, String,
 * ExpansionLimits, MatchOptions)} does so for a JSGF rule and checks every result against the
 * rule, since Vosk treats a phrase list only as a loose language model and may return word
 * sequences outside it. Models with a static graph ({@code HCLG.fst}) ignore phrase lists.
 *
 * <p>No model ships with this library; download one (for Russian, {@code vosk-model-small-ru-0.22},
 * 16 kHz) from the Vosk project and pass its unpacked directory.
 *
 * <p>Thread-safe: share one instance per process (a model takes hundreds of megabytes of native
 * memory); each recogniser is for one stream on one thread. {@link #close()} releases the model
 * once every recogniser made from it is closed (Vosk counts references).
 */
public final class VoskModel implements RecognizerFactory, AutoCloseable {
  private static final Object NATIVE = new Object();
  private static boolean nativeLoaded;
  static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Model model;
  private final int sampleRate;
  private final AtomicBoolean closed = new AtomicBoolean();

  private VoskModel(Path dir, Model model, int sampleRate) {
    this.dir = dir;
    this.model = model;
    this.sampleRate = sampleRate;
  }

  /**
   * Loads a model directory.
   *
   * @param dir the unpacked model directory
   * @return the loaded model
   * @throws AsrException if the directory is missing, is not a Vosk model, its MFCC configuration
   *     is invalid, the native library cannot be loaded, or Vosk fails to load the model
   */
  public static VoskModel load(Path dir) {
    int rate = checkLayout(dir);
    loadNative();
    try {
      return new VoskModel(dir, new Model(dir.toAbsolutePath().toString()), rate);
    } catch (IOException e) {
      throw new AsrException(
          "Vosk could not load the model in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks the directory layout and returns the sample rate; never touches the native library.
   */
  static int checkLayout(Path dir) {
    if (!Files.exists(dir)) {
      throw new AsrException("Vosk model directory does not exist: " + dir);
    }
    if (!Files.isDirectory(dir)) {
      throw new AsrException("Vosk model path is not a directory: " + dir);
    }
    Path mfcc;
    if (Files.isRegularFile(dir.resolve("am/final.mdl"))
        && Files.isRegularFile(dir.resolve("conf/model.conf"))) {
      mfcc = dir.resolve("conf/mfcc.conf");
    } else if (Files.isRegularFile(dir.resolve("final.mdl"))
        && Files.isRegularFile(dir.resolve("mfcc.conf"))) {
      mfcc = dir.resolve("mfcc.conf");
    } else {
      throw new AsrException(
          "not a Vosk model directory: "
              + dir
              + " (expected am/final.mdl and conf/model.conf, or final.mdl and mfcc.conf)");
    }
    return sampleRate(mfcc);
  }

  /** Reads --sample-frequency from a Kaldi MFCC configuration; Kaldi's default is 16000. */
  static int sampleRate(Path mfcc) {
    if (!Files.isRegularFile(mfcc)) {
      return 16000;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(mfcc, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AsrException("cannot read " + mfcc + ": " + e.getMessage(), e);
    }
    int rate = 16000;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("--sample-frequency=")) {
        String v = line.substring("--sample-frequency=".length()).strip();
        try {
          double hz = Double.parseDouble(v);
          if (hz < 1 || hz > 384_000 || hz != Math.rint(hz)) {
            throw new NumberFormatException();
          }
          rate = (int) hz;
        } catch (NumberFormatException e) {
          throw new AsrException(
              mfcc + ":" + (i + 1) + ": invalid --sample-frequency '" + v + "' (expected Hz, e.g. 16000)",
              e);
        }
      }
    }
    return rate;
  }

  static void loadNative() {
    synchronized (NATIVE) {
      if (nativeLoaded) {
        return;
      }
      try {
        LibVosk.setLogLevel(LogLevel.WARNINGS);
      } catch (LinkageError e) {
        throw new AsrException(
            "the Vosk native library could not be loaded for "
                + System.getProperty("os.name")
                + "/"
                + System.getProperty("os.arch")
                + ": "
                + e.getMessage(),
            e);
      }
      nativeLoaded = true;
    }
  }

  /**
   * The model directory.
   *
   * @return the path given to {@link #load(Path)}
   */
  public Path directory() {
    return dir;
  }

  /**
   * The sample rate the model expects, from its MFCC configuration (16 kHz for the small models).
   *
   * @return samples per second
   */
  @Override
  public int sampleRate() {
    return sampleRate;
  }

  /**
   * Opens a recogniser for free speech with word timings.
   *
   * @return a new recogniser; the caller closes it
   * @throws AsrException if Vosk cannot create it
   * @throws IllegalStateException if the model is closed
   */
  @Override
  public SpeechRecognizer open() {
    checkOpen();
    try {
      Recognizer r = new Recognizer(model, sampleRate);
      r.setWords(true);
      return new VoskRecognizer(r, sampleRate);
    } catch (IOException e) {
      throw new AsrException("Vosk could not create a recognizer: " + e.getMessage(), e);
    }
  }

  /**
   * Opens a recogniser restricted to a phrase list.
   *
   * @param phrases phrases of space-separated words (for a JSGF rule: its expansion)
   * @return a new recogniser; the caller closes it
   * @throws IllegalArgumentException if the list is empty or a phrase is blank
   * @throws AsrException if Vosk cannot create the recogniser
   */
  public SpeechRecognizer open(List<String> phrases) {
    checkOpen();
    String grammar = grammarJson(phrases);
    Recognizer r = new Recognizer(model, sampleRate, grammar);
    if (r.getPointer() == null) {
      throw new AsrException("Vosk could not create a recognizer for the phrase list");
    }
    r.setWords(true);
    return new VoskRecognizer(r, sampleRate);
  }

  /**
   * Opens a recogniser for a JSGF rule. Vosk gets the rule's phrases (its expansion, within the
   * limits) as a phrase list; because Vosk uses that list only as a language model, every final
   * result is then checked against the rule with a token automaton, and a result outside the
   * rule's language (or containing {@code [unk]}) comes back empty.
   *
   * @param grammar the resolved grammars
   * @param rule the rule to recognise
   * @param limits bounds of the expansion
   * @param options case and ё/е folding of the check
   * @return a new recogniser; the caller closes it
   * @throws io.ecss.asr.jsgf.JsgfException if the rule is unknown or its expansion hits a limit
   * @throws AsrException if Vosk cannot create the recogniser
   */
  public SpeechRecognizer open(
      JsgfGrammarSet grammar, String rule, ExpansionLimits limits, MatchOptions options) {
    JsgfMatcher matcher = JsgfMatcher.compile(grammar, rule, options);
    List<String> phrases = JsgfExpander.expand(grammar, rule, limits);
    return new GrammarCheckedRecognizer(open(phrases), matcher);
  }

  /**
   * The Vosk grammar JSON: the phrases, normalised to single spaces, plus {@code "[unk]"} (see
   * {@link JsgfExpander#voskGrammar(List)}).
   */
  static String grammarJson(List<String> phrases) {
    if (phrases.isEmpty()) {
      throw new IllegalArgumentException("phrases: empty (expected at least one phrase)");
    }
    List<String> list = new ArrayList<>();
    for (int i = 0; i < phrases.size(); i++) {
      String p = String.join(" ", phrases.get(i).strip().split("\\s+"));
      if (p.isEmpty()) {
        throw new IllegalArgumentException("phrases[" + i + "]: blank (expected words)");
      }
      if (!p.equals("[unk]")) {
        list.add(p);
      }
    }
    return JsgfExpander.voskGrammar(list);
  }

  /** Releases the model; recognisers still open keep it alive until they close. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      model.close();
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("model is closed: " + dir);
    }
  }
}
