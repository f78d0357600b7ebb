package io.ecss.sorm;

import java.util.List;
import java.util.Objects;

/**
 * The complete answer to one command as {@link SormConsole} collects it: message 7, message 8
 * and, for a successful table command (10, 11, 12, 16, 17) or channel test (14), the data
 * messages (3, 4, 5, 10, 11 or 9) in arrival order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param receipt message 7
 * @param execution message 8
 * @param data the data messages, empty for other commands or when the command failed
 */
public record SormReply(Kpd1Message.Receipt receipt, Kpd1Message.Execution execution, List<Kpd1Message> data) {
  /**
   * Copies the data list.
   *
   * @param receipt message 7
   * @param execution message 8
   * @param data the data messages
   */
  public SormReply {
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(execution, "execution");
    data = List.copyOf(data);
  }

  /**
   * Returns whether the command was accepted and executed (both statuses {@code 00}).
   *
   * @return {@code true} on success
   */
  public boolean isSuccess() {
    return receipt.status().equals(StatusCode.OK) && execution.status().equals(StatusCode.OK);
  }
}
