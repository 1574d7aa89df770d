package dev.opengallery.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Bearer tokens of the OIDC Dev Service's users (password grant, as the README's curl example), for the browser
 * tests' set-up through the API and to show that a bearer client and the console see one account per person.
 */
final class DevServiceTokens {

    private DevServiceTokens() {
    }

    static String token(String user) throws IOException, InterruptedException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.oidc.auth-server-url", String.class) + "/token";
        String form = "grant_type=password&client_id=" + enc(config.getValue("quarkus.oidc.client-id", String.class))
                + "&client_secret=" + enc(config.getOptionalValue("quarkus.oidc.credentials.secret", String.class).orElse(""))
                + "&username=" + enc(user);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The OIDC Dev Service gave no token for " + user + ": " + answer.body());
        }
        return answer.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    static RequestSpecification as(String user) throws IOException, InterruptedException {
        return RestAssured.given().auth().oauth2(token(user)).contentType("application/json");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
