package dev.opengallery.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.openqa.selenium.Cookie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests as the console's JavaScript makes them: the browser's cookies, no Authorization header (java.net.http,
 * not REST Assured: the suite checks REST Assured exchanges against the OpenAPI document, whose only security scheme
 * is the bearer token).
 */
final class SessionClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Answer(int status, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(response.body());
        }
    }

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    SessionClient cookie(Cookie c) {
        if (c != null) {
            cookies.put(c.getName(), c.getValue());
        }
        return this;
    }

    SessionClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(path, "GET", null);
    }

    Answer post(String path, Object body) throws IOException, InterruptedException {
        return send(path, "POST", JSON.writeValueAsString(body));
    }

    private Answer send(String path, String method, String body) throws IOException, InterruptedException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response);
    }
}
