package io.ecss.examples.vtt;

import io.ecss.asr.transcription.WordLinesException;
import io.ecss.examples.CliInputException;
import io.ecss.webvtt.TranscriptWord;
import java.util.List;

/**
 * Reads the ECSS transcription service's word-line format (the {@code /trans} answer) with the
 * parser of {@code ecss-asr-client} ({@link io.ecss.asr.transcription.WordLines}), reporting a bad
 * line as {@code FILE:LINE:COLUMN: problem}. Speaker labels are the section names ({@code А},
 * {@code Б}).
 */
final class WordLines {
  private WordLines() {}

  static List<TranscriptWord> parse(String text, String name) {
    try {
      return io.ecss.asr.transcription.WordLines.parse(text).toTranscriptWords();
    } catch (WordLinesException e) {
      throw new CliInputException(name + ":" + e.line() + ":" + e.column() + ": " + e.problem());
    }
  }
}
