package dev.opengallery.core;

import java.io.IOException;
import java.io.PushbackInputStream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * JSON bodies are UTF-8 (RFC 8259). A declared charset is checked at the edge ({@link HttpEdge}); this refuses an
 * undeclared UTF-16 or UTF-32 body, which the JSON parser would otherwise detect and read, with 415.
 */
@Provider
public class Utf8JsonBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().endsWith("+json"))) {
            PushbackInputStream in = new PushbackInputStream(context.getInputStream(), 4);
            byte[] head = new byte[4];
            int n = in.readNBytes(head, 0, 4);
            if (n > 0) {
                in.unread(head, 0, n);
            }
            if (!utf8(head, n)) {
                throw new ProblemException(415, "http-415", "Unsupported Media Type",
                        "Send the body in UTF-8: it looks like UTF-16 or UTF-32", null, null);
            }
            context.setInputStream(in);
        }
        return context.proceed();
    }

    /** False for a UTF-16/UTF-32 byte order mark, or a NUL among the first bytes (JSON text begins in ASCII). */
    static boolean utf8(byte[] head, int n) {
        if (n >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return false;
        }
        for (int i = 0; i < Math.min(n, 4); i++) {
            if (head[i] == 0) {
                return false;
            }
        }
        return true;
    }
}
