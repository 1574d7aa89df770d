package dev.opengallery.support;

import org.jboss.logging.Logger;

import io.quarkus.test.junit.callback.QuarkusTestAfterAllCallback;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestContext;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link OpenApiContract} among REST Assured's global filters before every @QuarkusTest class and method
 * (registered as a Quarkus test callback in META-INF/services, so no test can forget it), and fails a test after
 * which the filter is gone (a {@code RestAssured.reset()} or {@code replaceFiltersWith}), so nothing skips the
 * check silently. After each test class it logs how many exchanges were checked since the application started.
 */
public final class OpenApiContractCallback implements QuarkusTestBeforeClassCallback, QuarkusTestBeforeEachCallback,
        QuarkusTestAfterEachCallback, QuarkusTestAfterAllCallback {

    private static final Logger LOG = Logger.getLogger(OpenApiContract.class);

    @Override
    public void beforeClass(Class<?> testClass) {
        install();
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(OpenApiContract.INSTANCE)) {
            throw new IllegalStateException(context.getTestMethod() + " removed the OpenAPI contract filter from "
                    + "REST Assured: its requests are not checked against the OpenAPI document");
        }
    }

    @Override
    public void afterAll(QuarkusTestContext context) {
        LOG.infof("OpenAPI contract: %d exchanges checked against the document since the application started "
                + "(%d exempt)",
                OpenApiContract.INSTANCE.validated(), OpenApiContract.INSTANCE.exempt());
    }

    private static synchronized void install() {
        if (!RestAssured.filters().contains(OpenApiContract.INSTANCE)) {
            RestAssured.filters(OpenApiContract.INSTANCE);
        }
    }
}
