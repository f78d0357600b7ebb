package io.ecss.sorm;

import java.util.List;

/**
 * What a {@link SormStation} answers to one command at once: the КПД1 messages (message 7, then
 * message 8, then message 9 for command 14 or message 6 for an unauthorised access) and the
 * message for every КПД2 (message 2.3 for command 14). Table output (messages 3, 4, 5, 10, 11)
 * is not part of the reply; it is queued and taken with {@link SormStation#pollTableOutput()} so
 * command 13 can abort it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kpd1 the messages for the КПД1 console link, in sending order
 * @param kpd2 the messages to send on every КПД2 link, in sending order
 */
public record StationReply(List<Kpd1Message> kpd1, List<Kpd2Message> kpd2) {
  /**
   * Copies the lists.
   *
   * @param kpd1 the messages for the КПД1 console link, in sending order
   * @param kpd2 the messages to send on every КПД2 link, in sending order
   */
  public StationReply {
    kpd1 = List.copyOf(kpd1);
    kpd2 = List.copyOf(kpd2);
  }

  /**
   * Returns the message 7 (receipt) of this reply.
   *
   * @return the receipt
   */
  public Kpd1Message.Receipt receipt() {
    return (Kpd1Message.Receipt) kpd1.get(0);
  }

  /**
   * Returns the message 8 (execution result) of this reply.
   *
   * @return the execution result
   */
  public Kpd1Message.Execution execution() {
    return (Kpd1Message.Execution) kpd1.get(1);
  }
}
