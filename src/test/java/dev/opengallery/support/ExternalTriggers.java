package dev.opengallery.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with its time rules triggered from outside (opengallery.jobs.trigger=external, as the Helm chart's
 * knative mode sets it), and a one-second delivery schedule that must not start a timer.
 */
public class ExternalTriggers implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("opengallery.jobs.trigger", "external", "opengallery.notifications.delivery-every", "1s");
    }
}
