package dev.opengallery.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client library sends: a request line or header block beyond
 * the limits, a body announced but never sent, a multipart body cut off before its closing boundary.
 */
public final class RawHttp {

    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private RawHttp() {
    }

    /** Sends the head (request line and headers, without the blank line) and the body, and reads the whole answer. */
    public static Answer send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String h = head.contains("\r\nHost:") ? head : head + "\r\nHost: localhost";
            out.write((h + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (SocketException e) {
                // the server answered and closed before reading the whole body: read its answer
            }
            return read(socket.getInputStream());
        }
    }

    public static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0;) {
                all.write(buf, 0, n);
            }
        } catch (SocketException e) {
            // reset after the answer
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("No HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    static String dechunk(String chunked) {
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        while (pos < chunked.length()) {
            int eol = chunked.indexOf("\r\n", pos);
            int size = Integer.parseInt(chunked.substring(pos, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            sb.append(chunked, eol + 2, eol + 2 + size);
            pos = eol + 2 + size + 2;
        }
        return sb.toString();
    }
}
