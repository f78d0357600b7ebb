package io.ecss.clerk;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The clerk service of the ECSS-10 manual, independent of any transport: it takes the recogniser's
 * hypotheses for each chunk of a call, answers partially (206, the recognised string) or finally
 * (200, the number and the string), and records the IVR's positive and negative callbacks per
 * request id. An HTTP front end maps {@code POST /<requestId>} to {@link #recognize} and {@code
 * HEAD /<requestId>/positive_url} (or {@code negative_url}) to {@link #callback}.
 *
 * <p>Sessions: once a request id got a final answer, later chunks of it get the same answer again.
 * At most {@code maxSessions} request ids are remembered; the least recently used is forgotten
 * first (a callback for a forgotten id is reported as unknown).
 *
 * <p>The phonebook can be re-imported while the service runs: {@link #replaceMatcher} swaps the
 * matcher atomically; a search in progress finishes on the matcher it started with.
 *
 * <p>Thread-safe.
 */
public final class ClerkService {
  /** Default number of request ids remembered: 10,000. */
  public static final int DEFAULT_MAX_SESSIONS = 10_000;

  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

  private final AtomicReference<ClerkMatcher> matcher;
  private final Map<String, Session> sessions;
  private long chunks;
  private long finals;
  private long positives;
  private long negatives;

  /**
   * Creates a service remembering at most {@link #DEFAULT_MAX_SESSIONS} request ids.
   *
   * @param matcher the phonebook search
   */
  public ClerkService(ClerkMatcher matcher) {
    this(matcher, DEFAULT_MAX_SESSIONS);
  }

  /**
   * Creates a service.
   *
   * @param matcher the phonebook search
   * @param maxSessions how many request ids to remember, at least 1
   * @throws IllegalArgumentException when {@code maxSessions} is not positive
   */
  public ClerkService(ClerkMatcher matcher, int maxSessions) {
    if (maxSessions < 1) {
      throw new IllegalArgumentException("maxSessions: " + maxSessions + " (expected > 0)");
    }
    this.matcher = new AtomicReference<>(requireNonNull(matcher, "matcher"));
    this.sessions =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > maxSessions;
          }
        };
  }

  /** What the IVR reported about a request. */
  public enum Feedback {
    /** No callback yet. */
    NONE,
    /** {@code positive_url}: the IVR dialled the number. */
    POSITIVE,
    /** {@code negative_url}: the IVR timed out without a number. */
    NEGATIVE
  }

  /**
   * What the service remembers about one request id.
   *
   * <p>Immutable and thread-safe.
   *
   * @param requestId the request id
   * @param chunks chunks answered so far
   * @param lastAnswer the latest answer, or {@code null} before the first chunk
   * @param feedback the latest callback received
   */
  public record Session(
      String requestId, int chunks, @Nullable ClerkAnswer lastAnswer, Feedback feedback) {
    /**
     * Validates and copies the components, as the type's description says.
     *
     * @param requestId the {@code requestId} component
     * @param chunks the {@code chunks} component
     * @param lastAnswer the {@code lastAnswer} component
     * @param feedback the {@code feedback} component
     */
    public Session {
      requireNonNull(requestId, "requestId");
      requireNonNull(feedback, "feedback");
    }
  }

  /**
   * Counters since the service started.
   *
   * <p>Immutable and thread-safe.
   *
   * @param chunks chunks answered
   * @param finals final (200) answers given for new numbers
   * @param positives positive callbacks received
   * @param negatives negative callbacks received
   */
  public record Stats(long chunks, long finals, long positives, long negatives) {}

  /**
   * Returns whether a string can be used as a request id: 1 to 128 characters of {@code
   * A-Z a-z 0-9 . _ ~ -} (safe in a URL path and in a file name).
   *
   * @param id a candidate id
   * @return true when valid
   */
  public static boolean isValidRequestId(String id) {
    return REQUEST_ID.matcher(id).matches();
  }

  /**
   * Answers one recognised chunk of a request.
   *
   * @param requestId the request (call) id, see {@link #isValidRequestId}
   * @param hypotheses the recogniser's hypotheses for the chunk, final result first
   * @return a final answer (200) when the phonebook search found exactly one entry, or when the
   *     request already had one; a partial answer (206) otherwise
   * @throws IllegalArgumentException when the request id is not valid
   */
  public ClerkAnswer recognize(String requestId, List<String> hypotheses) {
    checkId(requestId);
    List<String> hyps = List.copyOf(hypotheses);
    synchronized (this) {
      Session s = sessions.get(requestId);
      if (s != null && s.lastAnswer() != null && s.lastAnswer().isFinal()) {
        chunks++;
        sessions.put(requestId, new Session(requestId, s.chunks() + 1, s.lastAnswer(),
            s.feedback()));
        return s.lastAnswer();
      }
    }
    SearchResult r = matcher.get().search(hyps);
    String positive = requestId + "/positive_url";
    String negative = requestId + "/negative_url";
    ClerkAnswer answer =
        r.found()
            ? new ClerkAnswer(
                ClerkAnswer.FINAL, requestId, r.recognized(), r.number(), positive, negative, r)
            : new ClerkAnswer(
                ClerkAnswer.PARTIAL, requestId, r.recognized(), null, positive, negative, r);
    synchronized (this) {
      chunks++;
      Session s = sessions.get(requestId);
      if (s != null && s.lastAnswer() != null && s.lastAnswer().isFinal()) {
        // a concurrent chunk of the same request won: keep its final answer
        sessions.put(requestId, new Session(requestId, s.chunks() + 1, s.lastAnswer(),
            s.feedback()));
        return s.lastAnswer();
      }
      if (answer.isFinal()) {
        finals++;
      }
      sessions.put(
          requestId,
          new Session(
              requestId, s == null ? 1 : s.chunks() + 1, answer,
              s == null ? Feedback.NONE : s.feedback()));
    }
    return answer;
  }

  /**
   * Records the IVR's positive callback ({@code HEAD <requestId>/positive_url}).
   *
   * @param requestId the request id
   * @return true when the request id is known; false when it never answered or was forgotten
   */
  public boolean positive(String requestId) {
    return record(requestId, Feedback.POSITIVE);
  }

  /**
   * Records the IVR's negative callback ({@code HEAD <requestId>/negative_url}).
   *
   * @param requestId the request id
   * @return true when the request id is known; false when it never answered or was forgotten
   */
  public boolean negative(String requestId) {
    return record(requestId, Feedback.NEGATIVE);
  }

  /**
   * Records a callback given as its path: {@code <requestId>/positive_url} or {@code
   * <requestId>/negative_url}, with or without a leading {@code /}.
   *
   * @param path the request path of the callback
   * @return true when the path is a callback path of a known request id
   */
  public boolean callback(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    int slash = p.indexOf('/');
    if (slash <= 0) {
      return false;
    }
    String id = p.substring(0, slash);
    String kind = p.substring(slash + 1);
    if (!isValidRequestId(id)) {
      return false;
    }
    if (kind.equals("positive_url")) {
      return positive(id);
    }
    if (kind.equals("negative_url")) {
      return negative(id);
    }
    return false;
  }

  private boolean record(String requestId, Feedback feedback) {
    if (!isValidRequestId(requestId)) {
      return false;
    }
    synchronized (this) {
      Session s = sessions.get(requestId);
      if (s == null) {
        return false;
      }
      sessions.put(requestId, new Session(requestId, s.chunks(), s.lastAnswer(), feedback));
      if (feedback == Feedback.POSITIVE) {
        positives++;
      } else {
        negatives++;
      }
      return true;
    }
  }

  /**
   * Returns what the service remembers about a request id.
   *
   * @param requestId the request id
   * @return the session, or empty when unknown or forgotten
   */
  public synchronized Optional<Session> session(String requestId) {
    return Optional.ofNullable(sessions.get(requestId));
  }

  /**
   * Returns the counters since the service started.
   *
   * @return the counters
   */
  public synchronized Stats stats() {
    return new Stats(chunks, finals, positives, negatives);
  }

  /**
   * Returns the current matcher.
   *
   * @return the matcher searches run on
   */
  public ClerkMatcher matcher() {
    return matcher.get();
  }

  /**
   * Replaces the matcher atomically, for example after a phonebook re-import; searches already
   * running finish on the old one.
   *
   * @param newMatcher the new matcher
   */
  public void replaceMatcher(ClerkMatcher newMatcher) {
    matcher.set(requireNonNull(newMatcher, "newMatcher"));
  }

  private static void checkId(String id) {
    if (!isValidRequestId(id)) {
      throw new IllegalArgumentException(
          "requestId: '" + id + "' (expected 1 to 128 of A-Z a-z 0-9 . _ ~ -)");
    }
  }
}
