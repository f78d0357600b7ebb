package io.ecss.examples;

import java.io.PrintWriter;

/**
 * One section of {@code ecss demo}: a walk through one library module on built-in sample data,
 * offline. A section computes everything it prints with the module's real API; it never prints
 * canned output.
 */
public interface DemoSection {

  /** The module artifact this section shows, e.g. {@code ecss-webvtt}. */
  String module();

  /** A short title for the section heading. */
  String title();

  /**
   * Runs the section and prints its report.
   *
   * @param out where the report goes
   * @throws Exception when the module misbehaves; the demo reports it and exits 1
   */
  void run(PrintWriter out) throws Exception;
}
