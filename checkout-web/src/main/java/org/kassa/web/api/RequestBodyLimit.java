package org.kassa.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 64 KiB with a 413, before they are read: by the declared length, and,
 * for chunked bodies, by counting while reading.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestBodyLimit implements ContainerRequestFilter {

  public static final int MAX_BYTES = 64 * 1024;

  /** Dispute evidence carries files (base64 in JSON): up to 5 of 4 MiB each. */
  static final long MAX_EVIDENCE_BYTES = 28L * 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    long max =
        request.getUriInfo().getPath().matches("/?v1/disputes/[^/]+/evidence")
            ? MAX_EVIDENCE_BYTES
            : MAX_BYTES;
    if (request.getLength() > max) {
      request.abortWith(tooLarge(max));
      return;
    }
    request.setEntityStream(new Limited(request.getEntityStream(), max));
  }

  static Response tooLarge(long max) {
    return Problem.of(
        413,
        "body-too-large",
        "Request body too large",
        "The request body is larger than " + (max / 1024) + " KiB.");
  }

  /** Counts bytes as they are read and stops at the limit. */
  private static final class Limited extends FilterInputStream {
    private final long max;
    private long read;

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > max) {
        throw new WebApplicationException(tooLarge(max));
      }
    }
  }
}
