package io.ecss.routing;

/**
 * A piece of XML this module does not interpret but keeps, so that a context read and written back
 * loses nothing: an element ({@link XmlElement}) or non-blank text ({@link XmlText}).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface XmlNode permits XmlElement, XmlText {}
