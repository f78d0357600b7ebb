package io.ecss.csta;

/**
 * ECMA-323 {@code monitorType}: what a monitor on a device follows. A monitor on a call ({@code
 * monitorObject/callObject}) is a call monitor by nature.
 */
public enum CstaMonitorType {
  /** {@code call}: follows the calls the device takes part in, also after they leave it. */
  CALL("call"),
  /** {@code device}: reports what happens at the device (the switch's usual default). */
  DEVICE("device");

  private final String xml;

  CstaMonitorType(String xml) {
    this.xml = xml;
  }

  /**
   * The XML value.
   *
   * @return {@code call} or {@code device}
   */
  public String xml() {
    return xml;
  }

  static CstaMonitorType of(String xml) {
    for (CstaMonitorType t : values()) {
      if (t.xml.equals(xml)) {
        return t;
      }
    }
    throw new IllegalArgumentException("monitorType: '" + xml + "' (expected call or device)");
  }
}
