package dev.opengallery.supervision;

import static dev.opengallery.supervision.SupervisionFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.token;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Multipart bodies cut off before their closing boundary, or otherwise malformed, are bad input (400, nothing
 * stored); attachment names lose control and bidirectional formatting characters.
 */
@QuarkusTest
class MultipartInputTest {

    static SupervisionFixtures f;

    @Inject
    Pool pool;

    @BeforeEach
    void catalogue() {
        if (f == null) {
            f = new SupervisionFixtures();
        }
    }

    static final String BOUNDARY = "----og-" + UUID.randomUUID();

    static byte[] part(String name, String fileName, String type, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] closing() {
        return ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static RawHttp.Answer post(String path, String subject, String role, byte[] body) throws Exception {
        return RawHttp.send("POST " + path + " HTTP/1.1\r\nAuthorization: Bearer " + token(subject, role)
                + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + body.length, body);
    }

    static void badRequest(RawHttp.Answer a) {
        assertEquals(400, a.status(), a.toString());
        assertTrue(String.valueOf(a.header("Content-Type")).startsWith("application/problem+json"), a.toString());
        assertEquals(400, a.json().getInt("status"));
        assertTrue(a.json().getString("detail").contains("multipart"), a.body());
    }

    long attachments(String flow) {
        return count(pool, "select count(*) from flow_attachment where flow_id = $1", UUID.fromString(flow));
    }

    @Test
    void truncatedMultipartBodiesAreRefusedAndStoreNothing() throws Exception {
        String c = customerWith("5000.00");
        String flow = paidFlow(c, f.service);
        String request = "/api/supervision/flows/" + flow + "/request";
        byte[] pdf = "%PDF-1.4 requirements".getBytes(StandardCharsets.US_ASCII);
        byte[] whole = concat(part("request", null, null, "Move our DB".getBytes(StandardCharsets.UTF_8)),
                part("files", "spec.pdf", "application/pdf", pdf), closing());
        // cut before the closing boundary, then in the middle of the file
        badRequest(post(request, c, "customer", Arrays.copyOf(whole, whole.length - closing().length)));
        badRequest(post(request, c, "customer", Arrays.copyOf(whole, whole.length - closing().length - 8)));
        // no boundary in the body at all
        badRequest(post(request, c, "customer", "just some text".getBytes(StandardCharsets.US_ASCII)));
        customer(c).get("/api/supervision/flows/" + flow).then().statusCode(200)
                .body("flow.state", is("WAITING_FOR_REQUEST"), "operations", hasSize(0));
        assertEquals(0, attachments(flow));

        // the whole body is taken
        RawHttp.Answer ok = post(request, c, "customer", whole);
        assertEquals(200, ok.status(), ok.toString());
        assertEquals(1, attachments(flow));
        customer(c).get("/api/supervision/flows/" + flow).then().body("operations[0].attachments[0].fileName",
                is("spec.pdf"), "operations[0].attachments[0].size", is(pdf.length));

        // the seller's delivery, cut off, changes nothing either
        String deliver = "/api/seller/supervision/flows/" + flow + "/deliver";
        byte[] delivery = concat(part("note", null, null, "Done".getBytes(StandardCharsets.UTF_8)),
                part("files", "report.pdf", "application/pdf", pdf), closing());
        badRequest(post(deliver, f.seller, "seller", Arrays.copyOf(delivery, delivery.length - 5)));
        customer(c).get("/api/supervision/flows/" + flow).then().statusCode(200)
                .body("flow.state", is("WAITING_FOR_SELLER"), "operations", hasSize(1));
        assertEquals(1, attachments(flow));
    }

    @Test
    void attachmentNamesLoseBidirectionalAndControlCharacters() throws Exception {
        String c = customerWith("5000.00");
        String flow = paidFlow(c, f.service);
        byte[] pdf = "%PDF-1.4 cv".getBytes(StandardCharsets.US_ASCII);
        String spoofed = "r\u00e9sum\u00e9 \u202egnp.pdf";
        String more = "\u2066a\u2069\u200eb\u200f\u061c\u202ac\u202bd\u202ce\u2067\u2068\u200b\u0007.pdf";
        byte[] body = concat(part("request", null, null, "CV attached".getBytes(StandardCharsets.UTF_8)),
                part("files", spoofed, "application/pdf", pdf), part("files", more, "application/pdf", pdf), closing());
        RawHttp.Answer ok = post("/api/supervision/flows/" + flow + "/request", c, "customer", body);
        assertEquals(200, ok.status(), ok.toString());
        customer(c).get("/api/supervision/flows/" + flow).then().statusCode(200)
                .body("operations[0].attachments.fileName", contains("r\u00e9sum\u00e9 gnp.pdf", "abcde.pdf"));
    }

    /**
     * A multipart body sent in chunks (no Content-Length) far past the body limit: the form parser refuses it with
     * 413 and stops reading. The answer is a problem document, the connection is closed after it, and a client that
     * goes on sending its body is not left blocked on a connection the server no longer reads (it used to be: the
     * client hung, and the server held the connection open for good). Nothing is stored.
     */
    @Test
    void aChunkedMultipartBodyFarPastTheLimitIs413AndTheConnectionIsClosed() throws Exception {
        String c = customerWith("5000.00");
        String flow = paidFlow(c, f.service);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/supervision/flows/" + flow + "/request HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token(c, "customer") + "\r\nContent-Type: multipart/form-data; "
                    + "boundary=" + BOUNDARY + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            // 64 MiB of a file part, as a client that reads its answer only after sending would send it
            CompletableFuture<String> sending = CompletableFuture.supplyAsync(() -> {
                byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; "
                        + "filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'p');
                try {
                    writeChunk(out, head);
                    for (int i = 0; i < 1024; i++) {
                        writeChunk(out, chunk);
                    }
                    writeChunk(out, ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return "sent";
                } catch (IOException e) {
                    return "closed by the server";
                }
            });
            RawHttp.Answer a = RawHttp.read(socket.getInputStream());
            assertEquals(413, a.status(), a.toString());
            assertTrue(String.valueOf(a.header("Content-Type")).startsWith("application/problem+json"), a.toString());
            assertEquals("https://opengallery.dev/problems/http-413", a.json().getString("type"), a.body());
            assertEquals("close", a.header("Connection"), a.toString());
            // the sender is not left blocked: the server drops the rest of the body, then closes
            assertEquals("closed by the server", sending.get(30, TimeUnit.SECONDS));
        }
        assertEquals(0, attachments(flow));
        customer(c).get("/api/supervision/flows/" + flow).then().statusCode(200)
                .body("flow.state", is("WAITING_FOR_REQUEST"), "operations", hasSize(0));
    }

    private static void writeChunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
