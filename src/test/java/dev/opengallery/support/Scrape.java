package dev.opengallery.support;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a series' value from /q/metrics as Prometheus scrapes it. */
public final class Scrape {

    private Scrape() {
    }

    /**
     * The value of the series {@code name} whose labels include every {@code label=value} pair given (0 when no
     * such series exists yet; the sum when several match).
     */
    public static double value(String name, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{([^}]*)})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        while (m.find()) {
            boolean all = true;
            for (String l : labels) {
                int eq = l.indexOf('=');
                if (m.group(1) == null || !m.group(1).contains(l.substring(0, eq) + "=\"" + l.substring(eq + 1) + "\"")) {
                    all = false;
                    break;
                }
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
