package com.rateup.webhooks.platform.boundary;

import com.rateup.webhooks.platform.control.PlatformConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Request bodies larger than {@code rateup.api.max-body-bytes} (64 KiB) are refused with 413
 * as soon as the limit is passed while reading, whether Content-Length announced the size or the
 * body comes chunked. (Refusing on Content-Length before reading left clients that were still
 * sending waiting for their answer.)
 */
@Provider
public class BodySizeLimit implements ReaderInterceptor {

    @Inject
    PlatformConfig config;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Limited limited = new Limited(context.getInputStream(), config.maxBodyBytes());
        context.setInputStream(limited);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException readFailed) {
            // the JSON-B provider reports the stream's failure as malformed JSON, losing the cause
            if (limited.exceeded) {
                throw Problems.of(jakarta.ws.rs.core.Response.Status.REQUEST_ENTITY_TOO_LARGE, "request body too large",
                        List.of("at most " + config.maxBodyBytes() + " bytes"));
            }
            throw readFailed;
        }
    }

    /** Fails the read once more than the limit has been read. */
    private final class Limited extends FilterInputStream {

        private final long limit;
        private long remaining;
        private boolean exceeded;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count(Math.max(read, 0));
            return read;
        }

        private void count(int read) throws IOException {
            remaining -= read;
            if (remaining < 0) {
                exceeded = true;
                throw new IOException("request body larger than " + limit + " bytes");
            }
        }
    }
}
