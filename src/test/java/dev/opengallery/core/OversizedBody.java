package dev.opengallery.core;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a body over the server's limit as a careful client does: the headers first, and the body only if no answer
 * comes from them. A server that refuses by the declared length answers before the body is sent; one that closes
 * the connection while a body is still being sent would otherwise lose its answer on the way to the client.
 */
final class OversizedBody {

    record Answer(int status, String contentType, String body) {
    }

    private OversizedBody() {
    }

    static Answer send(URI root, String method, String uri, Map<String, String> headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            StringBuilder head = new StringBuilder(method + " " + uri + " HTTP/1.1\r\nHost: " + root.getHost() + ":"
                    + root.getPort() + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            socket.setSoTimeout(1000);
            boolean answered;
            in.mark(1);
            try {
                answered = in.read() >= 0;
                in.reset();
            } catch (SocketTimeoutException e) {
                answered = false;
            }
            socket.setSoTimeout(15_000);
            if (!answered) {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // closed while the body was being sent: read the answer the server gave
                }
            }
            return read(in);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("no HTTP answer: " + status);
        }
        String contentType = null;
        int length = -1;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            String name = colon < 0 ? h : h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : h.substring(colon + 1).trim();
            if (name.equals("content-type")) {
                contentType = value;
            } else if (name.equals("content-length")) {
                length = Integer.parseInt(value);
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (length < 0 || body.size() < length) && (n = in.read(buffer, 0,
                length < 0 ? buffer.length : Math.min(buffer.length, length - body.size()))) >= 0;) {
            body.write(buffer, 0, n);
        }
        return new Answer(Integer.parseInt(parts[1]), contentType, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
