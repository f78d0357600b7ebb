package io.ecss.sorm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.tinyradius.attribute.IntegerAttribute;
import org.tinyradius.attribute.RadiusAttribute;
import org.tinyradius.attribute.StringAttribute;
import org.tinyradius.dictionary.AttributeType;
import org.tinyradius.dictionary.DefaultDictionary;
import org.tinyradius.dictionary.Dictionary;
import org.tinyradius.dictionary.DictionaryParser;
import org.tinyradius.dictionary.MemoryDictionary;

/**
 * The RADIUS side of the bridge shared by {@link SormRadiusBridge} and {@link SormRadiusReporter}:
 * attribute codes (spec item 11) and a tinyradius dictionary made of tinyradius' default
 * dictionary plus the Eltex vendor (35265) attributes the bridge uses, so packets print with names.
 */
final class EltexRadius {
  static final int VENDOR_ID = 35265;
  static final int AVPAIR = 1;
  static final int DISCONNECT_CODE_LOCAL = 11;

  static final int VENDOR_SPECIFIC = 26;
  static final int CALLED_STATION_ID = 30;
  static final int CALLING_STATION_ID = 31;
  static final int ACCT_STATUS_TYPE = 40;
  static final int ACCT_SESSION_ID = 44;
  static final int EVENT_TIMESTAMP = 55;

  static final int STATUS_START = 1;
  static final int STATUS_STOP = 2;
  static final int STATUS_INTERIM_UPDATE = 3;
  static final int STATUS_ACCOUNTING_ON = 7;
  static final int STATUS_ACCOUNTING_OFF = 8;

  static final String SORM_DIGITS_A = "sorm_digits_a";
  static final String SORM_NI_A = "sorm_ni_a";
  static final String SORM_DIGITS_B = "sorm_digits_b";
  static final String SORM_NI_B = "sorm_ni_b";
  static final String PHASE = "phase";
  static final String PHASE_ANSWER = "answer";

  /** tinyradius' default dictionary plus Eltex-AVPair and Eltex-Disconnect-Code-Local. */
  static final Dictionary DICTIONARY = dictionary();

  private EltexRadius() {}

  private static Dictionary dictionary() {
    MemoryDictionary d = new MemoryDictionary();
    try (InputStream in = DefaultDictionary.class.getResourceAsStream("default_dictionary")) {
      if (in != null) {
        DictionaryParser.parseDictionary(in, d);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("tinyradius default dictionary", e);
    }
    d.addVendor(VENDOR_ID, "Eltex");
    d.addAttributeType(new AttributeType(VENDOR_ID, AVPAIR, "Eltex-AVPair", StringAttribute.class));
    d.addAttributeType(new AttributeType(VENDOR_ID, DISCONNECT_CODE_LOCAL, "Eltex-Disconnect-Code-Local", IntegerAttribute.class));
    return d;
  }

  static RadiusAttribute string(int type, String value) {
    return new RadiusAttribute(type, value.getBytes(StandardCharsets.UTF_8));
  }

  static RadiusAttribute integer(int type, long value) {
    byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    return new RadiusAttribute(type, b);
  }
}
