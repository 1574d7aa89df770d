package dev.opengallery.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders the Helm chart in {@code helm/opengallery} with the embedded Helm library (helm-java, no
 * cluster and no helm CLI needed) and checks the generated Kubernetes manifests.
 *
 * <p>Plain JUnit 5 test: no Quarkus application is started. Surefire runs with the repository root as
 * working directory, hence the relative chart path.
 */
class HelmChartTest {

  private static final Path CHART = Paths.get("helm", "opengallery");
  private static final String RELEASE = "og";
  private static final String FULLNAME = "og-opengallery";
  private static final String OIDC_URL = "https://keycloak.example.com/realms/opengallery";
  private static final String APPS_KEY = "q6yFdvJ6n8y6mI1lD0o2H0cJ3n4xq9A8m7l6k5j4h3g=";

  @BeforeAll
  static void chartIsPresent() {
    assertTrue(Files.isRegularFile(CHART.resolve("Chart.yaml")),
        "chart not found at " + CHART.toAbsolutePath() + " (tests must run from the repository root)");
  }

  @Test
  void lintPasses() {
    LintResult result = new Helm(CHART).lint().strict().call();
    assertFalse(result.isFailed(), () -> "helm lint --strict failed: " + result.getMessages());
  }

  @Test
  void defaultValues() {
    Manifests m = render(t -> t.set("oidc.authServerUrl", OIDC_URL));

    // Deployment basics
    Map<String, Object> deployment = m.single("Deployment");
    assertEquals(FULLNAME, get(deployment, "metadata.name"));
    assertStandardLabels(get(deployment, "metadata.labels"));
    assertEquals(2, (Integer) get(deployment, "spec.replicas"));
    assertEquals(Map.of("app.kubernetes.io/name", "opengallery", "app.kubernetes.io/instance", RELEASE),
        get(deployment, "spec.selector.matchLabels"));

    Map<String, Object> pod = get(deployment, "spec.template");
    Map<String, String> annotations = get(pod, "metadata.annotations");
    assertEquals("true", annotations.get("prometheus.io/scrape"));
    assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
    assertEquals("8080", annotations.get("prometheus.io/port"));
    assertEquals(Boolean.TRUE, get(pod, "spec.securityContext.runAsNonRoot"));
    assertEquals(Boolean.FALSE, get(pod, "spec.automountServiceAccountToken"));

    Map<String, Object> container = container(deployment);
    assertEquals("ghcr.io/opengallery/opengallery:0.1.0-jvm", container.get("image"));
    assertEquals("IfNotPresent", container.get("imagePullPolicy"));
    assertEquals(Boolean.TRUE, get(container, "securityContext.runAsNonRoot"));
    List<Map<String, Object>> ports = get(container, "ports");
    assertEquals(1, ports.size());
    assertEquals("http", ports.get(0).get("name"));
    assertEquals(8080, ports.get(0).get("containerPort"));

    // Probes: Quarkus SmallRye Health endpoints on the named http port
    assertEquals("/q/health/started", get(container, "startupProbe.httpGet.path"));
    assertEquals("/q/health/live", get(container, "livenessProbe.httpGet.path"));
    assertEquals("/q/health/ready", get(container, "readinessProbe.httpGet.path"));
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertEquals("http", get(container, probe + ".httpGet.port"), probe + " port");
    }

    // Resources
    assertEquals("250m", get(container, "resources.requests.cpu"));
    assertEquals("256Mi", get(container, "resources.requests.memory"));
    assertEquals("512Mi", get(container, "resources.limits.memory"));

    // Environment
    Map<String, Map<String, Object>> env = env(container);
    assertEquals("-XX:MaxRAMPercentage=75", value(env, "JAVA_OPTS_APPEND"));
    assertEquals("postgresql://postgresql:5432/opengallery", value(env, "QUARKUS_DATASOURCE_REACTIVE_URL"));
    assertEquals("jdbc:postgresql://postgresql:5432/opengallery", value(env, "QUARKUS_DATASOURCE_JDBC_URL"));
    assertSecretRef(env, "QUARKUS_DATASOURCE_USERNAME", FULLNAME, "database-username");
    assertSecretRef(env, "QUARKUS_DATASOURCE_PASSWORD", FULLNAME, "database-password");
    assertEquals(OIDC_URL, value(env, "QUARKUS_OIDC_AUTH_SERVER_URL"));
    assertEquals("opengallery", value(env, "QUARKUS_OIDC_CLIENT_ID"));
    assertFalse(env.containsKey("QUARKUS_OIDC_CREDENTIALS_SECRET"), "no OIDC client secret by default");
    assertFalse(env.containsKey("OG_CORS_ORIGINS"), "OG_CORS_ORIGINS must be omitted when cors.origins is empty");

    // Chart-managed Secret with the database credentials
    Map<String, Object> secret = m.single("Secret");
    assertEquals(FULLNAME, get(secret, "metadata.name"));
    Map<String, String> data = get(secret, "data");
    assertEquals("opengallery", decode(data.get("database-username")));
    assertTrue(data.containsKey("database-password"));
    assertFalse(data.containsKey("oidc-client-secret"));

    // Service
    Map<String, Object> service = m.single("Service");
    assertEquals(FULLNAME, get(service, "metadata.name"));
    assertStandardLabels(get(service, "metadata.labels"));
    assertEquals("ClusterIP", get(service, "spec.type"));
    List<Map<String, Object>> servicePorts = get(service, "spec.ports");
    assertEquals(80, servicePorts.get(0).get("port"));
    assertEquals("http", servicePorts.get(0).get("targetPort"));
    assertEquals((Object) get(deployment, "spec.selector.matchLabels"), get(service, "spec.selector"));

    // Optional objects are off by default
    assertTrue(m.ofKind("HorizontalPodAutoscaler").isEmpty(), "no HPA by default");
    assertTrue(m.ofKind("Ingress").isEmpty(), "no Ingress by default");
  }

  @Test
  void nonDefaultValues(@TempDir Path tmp) throws IOException {
    Path values = tmp.resolve("values-prod.yaml");
    Files.writeString(values, String.join("\n",
        "replicaCount: 4",
        "image:",
        "  repository: registry.example.com/og/opengallery",
        "  tag: 1.2.3",
        "  flavor: native",
        "  pullPolicy: Always",
        "database:",
        "  host: pg.db.svc",
        "  port: 6543",
        "  name: gallery",
        "  existingSecret: pg-credentials",
        "  secretKeys:",
        "    username: user",
        "    password: pass",
        "oidc:",
        "  authServerUrl: " + OIDC_URL,
        "  clientId: og-backend",
        "  existingSecret: oidc-credentials",
        "  existingSecretKey: secret",
        "apps:",
        "  encryptionKey: \"\"",
        "  existingSecret: apps-key",
        "  existingSecretKey: key",
        "cors:",
        "  origins: https://gallery.example.com,https://admin.example.com",
        "extraEnv:",
        "  - name: QUARKUS_LOG_LEVEL",
        "    value: DEBUG",
        "autoscaling:",
        "  enabled: true",
        "  minReplicas: 3",
        "  maxReplicas: 10",
        "  targetCPUUtilizationPercentage: 70",
        "ingress:",
        "  enabled: true",
        "  className: nginx",
        "  annotations:",
        "    cert-manager.io/cluster-issuer: letsencrypt",
        "  hosts:",
        "    - host: gallery.example.com",
        "      paths:",
        "        - path: /",
        "          pathType: Prefix",
        "  tls:",
        "    - secretName: gallery-tls",
        "      hosts:",
        "        - gallery.example.com",
        "resources:",
        "  requests:",
        "    cpu: 100m",
        "    memory: 64Mi",
        "  limits:",
        "    cpu: null", // Helm merges maps with the defaults: null removes the default CPU limit
        "    memory: 128Mi",
        "metrics:",
        "  scrapeAnnotations: false",
        ""), StandardCharsets.UTF_8);

    Manifests m = render(t -> t.withValuesFile(values));

    Map<String, Object> deployment = m.single("Deployment");
    assertFalse(((Map<?, ?>) deployment.get("spec")).containsKey("replicas"),
        "replicas must be omitted when the HPA manages the Deployment");
    Map<String, Object> annotations = get(deployment, "spec.template.metadata.annotations");
    assertTrue(annotations == null || !annotations.containsKey("prometheus.io/scrape"),
        "scrape annotations disabled");

    Map<String, Object> container = container(deployment);
    assertEquals("registry.example.com/og/opengallery:1.2.3-native", container.get("image"));
    assertEquals("Always", container.get("imagePullPolicy"));
    assertEquals("100m", get(container, "resources.requests.cpu"));
    assertEquals("64Mi", get(container, "resources.requests.memory"));
    assertEquals("128Mi", get(container, "resources.limits.memory"));
    assertNull(get(container, "resources.limits.cpu"));

    Map<String, Map<String, Object>> env = env(container);
    assertFalse(env.containsKey("JAVA_OPTS_APPEND"), "JAVA_OPTS_APPEND is for the JVM flavor only");
    assertEquals("postgresql://pg.db.svc:6543/gallery", value(env, "QUARKUS_DATASOURCE_REACTIVE_URL"));
    assertEquals("jdbc:postgresql://pg.db.svc:6543/gallery", value(env, "QUARKUS_DATASOURCE_JDBC_URL"));
    assertSecretRef(env, "QUARKUS_DATASOURCE_USERNAME", "pg-credentials", "user");
    assertSecretRef(env, "QUARKUS_DATASOURCE_PASSWORD", "pg-credentials", "pass");
    assertEquals("og-backend", value(env, "QUARKUS_OIDC_CLIENT_ID"));
    assertSecretRef(env, "QUARKUS_OIDC_CREDENTIALS_SECRET", "oidc-credentials", "secret");
    assertSecretRef(env, "OPENGALLERY_APPS_ENCRYPTION_KEY", "apps-key", "key");
    assertEquals("https://gallery.example.com,https://admin.example.com", value(env, "OG_CORS_ORIGINS"));
    assertEquals("DEBUG", value(env, "QUARKUS_LOG_LEVEL"));
    List<String> envOrder = new ArrayList<>(env.keySet());
    assertEquals("QUARKUS_LOG_LEVEL", envOrder.get(envOrder.size() - 1), "extraEnv is appended last");

    // Everything sensitive comes from existing Secrets: the chart creates none
    assertTrue(m.ofKind("Secret").isEmpty(), "no chart Secret when both existingSecrets are used");

    Map<String, Object> hpa = m.single("HorizontalPodAutoscaler");
    assertEquals("autoscaling/v2", hpa.get("apiVersion"));
    assertEquals(FULLNAME, get(hpa, "spec.scaleTargetRef.name"));
    assertEquals("Deployment", get(hpa, "spec.scaleTargetRef.kind"));
    assertEquals(3, (Integer) get(hpa, "spec.minReplicas"));
    assertEquals(10, (Integer) get(hpa, "spec.maxReplicas"));
    List<Map<String, Object>> metrics = get(hpa, "spec.metrics");
    assertEquals("cpu", get(metrics.get(0), "resource.name"));
    assertEquals(70, (Integer) get(metrics.get(0), "resource.target.averageUtilization"));

    Map<String, Object> ingress = m.single("Ingress");
    assertEquals("networking.k8s.io/v1", ingress.get("apiVersion"));
    assertStandardLabels(get(ingress, "metadata.labels"));
    assertEquals("letsencrypt", get(ingress, "metadata.annotations.cert-manager\\.io/cluster-issuer"));
    assertEquals("nginx", get(ingress, "spec.ingressClassName"));
    List<Map<String, Object>> rules = get(ingress, "spec.rules");
    assertEquals("gallery.example.com", rules.get(0).get("host"));
    List<Map<String, Object>> paths = get(rules.get(0), "http.paths");
    assertEquals("/", paths.get(0).get("path"));
    assertEquals("Prefix", paths.get(0).get("pathType"));
    assertEquals(FULLNAME, get(paths.get(0), "backend.service.name"));
    assertEquals("http", get(paths.get(0), "backend.service.port.name"));
    List<Map<String, Object>> tls = get(ingress, "spec.tls");
    assertEquals("gallery-tls", tls.get(0).get("secretName"));
    assertEquals(List.of("gallery.example.com"), tls.get(0).get("hosts"));
  }

  @Test
  void replicasJvmOptionsAndChartManagedSecrets() {
    Manifests m = render(t -> t
        .set("oidc.authServerUrl", OIDC_URL)
        .set("oidc.clientSecret", "s3cr3t")
        .set("database.username", "gallery")
        .set("database.password", "pw")
        .set("replicaCount", 3)
        .set("jvm.options", "-XX:MaxRAMPercentage=60")
        .set("image.tag", "2.0.0"));

    Map<String, Object> deployment = m.single("Deployment");
    assertEquals(3, (Integer) get(deployment, "spec.replicas"));
    Map<String, Object> container = container(deployment);
    assertEquals("ghcr.io/opengallery/opengallery:2.0.0-jvm", container.get("image"));
    Map<String, Map<String, Object>> env = env(container);
    assertEquals("-XX:MaxRAMPercentage=60", value(env, "JAVA_OPTS_APPEND"));
    assertFalse(env.containsKey("GC_CONTAINER_OPTIONS"), "the image's own collector in deployment mode");
    assertSecretRef(env, "QUARKUS_OIDC_CREDENTIALS_SECRET", FULLNAME, "oidc-client-secret");
    assertSecretRef(env, "QUARKUS_DATASOURCE_PASSWORD", FULLNAME, "database-password");

    Map<String, String> data = get(m.single("Secret"), "data");
    assertEquals("gallery", decode(data.get("database-username")));
    assertEquals("pw", decode(data.get("database-password")));
    assertEquals("s3cr3t", decode(data.get("oidc-client-secret")));
    assertEquals(APPS_KEY, decode(data.get("apps-encryption-key")));
    assertSecretRef(env, "OPENGALLERY_APPS_ENCRYPTION_KEY", FULLNAME, "apps-encryption-key");
    assertNotNull(get(deployment, "spec.template.metadata.annotations.checksum/secret"),
        "pods roll when the chart Secret changes");
  }

  @Test
  void corsOriginsAcceptsAList(@TempDir Path tmp) throws IOException {
    Path values = tmp.resolve("cors.yaml");
    Files.writeString(values, "oidc:\n  authServerUrl: " + OIDC_URL + "\n"
        + "cors:\n  origins:\n    - https://a.example.com\n    - https://b.example.com\n", StandardCharsets.UTF_8);
    Map<String, Map<String, Object>> env = env(container(render(t -> t.withValuesFile(values)).single("Deployment")));
    assertEquals("https://a.example.com,https://b.example.com", value(env, "OG_CORS_ORIGINS"));
  }

  @Test
  void searchOnOpenSearchNamesTheClusterAndTakesItsCredentialsFromASecret() {
    Map<String, Map<String, Object>> env = env(container(render(t -> t.set("oidc.authServerUrl", OIDC_URL)
        .set("search.engine", "opensearch").set("search.opensearch.url", "https://search.example:9200")
        .set("search.opensearch.indexPrefix", "shop-").set("search.opensearch.existingSecret", "os-creds"))
        .single("Deployment")));
    assertEquals("opensearch", value(env, "OPENGALLERY_SEARCH_ENGINE"));
    assertEquals("https://search.example:9200", value(env, "OPENGALLERY_SEARCH_OPENSEARCH_URL"));
    assertEquals("shop-", value(env, "OPENGALLERY_SEARCH_OPENSEARCH_INDEX_PREFIX"));
    assertSecretRef(env, "OPENGALLERY_SEARCH_OPENSEARCH_USERNAME", "os-creds", "username");
    assertSecretRef(env, "OPENGALLERY_SEARCH_OPENSEARCH_PASSWORD", "os-creds", "password");
    // the default engine sets none of them
    Map<String, Map<String, Object>> plain = env(container(render(t -> t.set("oidc.authServerUrl", OIDC_URL))
        .single("Deployment")));
    assertFalse(plain.containsKey("OPENGALLERY_SEARCH_ENGINE"));
    assertFalse(plain.containsKey("OPENGALLERY_SEARCH_OPENSEARCH_URL"));
  }

  @Test
  void theSearchJobsGetCronJobsOnlyWhenOpenSearchAnswersSearches() {
    Consumer<TemplateCommand> knative = t -> t.set("oidc.authServerUrl", OIDC_URL).set("deploy.mode", "knative")
        .set("jobs.scheduler.clientSecret", "s3cret");
    List<Object> plain = render(knative).ofKind("CronJob").stream()
        .map(c -> get(c, "metadata.labels.opengallery\\.dev/job")).collect(Collectors.toList());
    assertEquals(JOBS.size(), plain.size());
    assertFalse(plain.contains("search-outbox"));
    List<Object> withOpenSearch = render(knative.andThen(t -> t.set("search.engine", "opensearch")
        .set("search.opensearch.url", "https://search.example:9200"))).ofKind("CronJob").stream()
        .map(c -> get(c, "metadata.labels.opengallery\\.dev/job")).collect(Collectors.toList());
    assertEquals(JOBS.size() + 2, withOpenSearch.size());
    assertTrue(withOpenSearch.containsAll(List.of("search-outbox", "search-popularity")), withOpenSearch::toString);
  }

  @Test
  void searchOnOpenSearchNeedsItsUrlAndAKnownEngine() {
    IllegalStateException noUrl = assertThrows(IllegalStateException.class,
        () -> render(t -> t.set("oidc.authServerUrl", OIDC_URL).set("search.engine", "opensearch")));
    assertTrue(noUrl.getMessage().contains("search.opensearch.url is required"), noUrl::getMessage);
    IllegalStateException unknown = assertThrows(IllegalStateException.class,
        () -> render(t -> t.set("oidc.authServerUrl", OIDC_URL).set("search.engine", "solr")));
    assertTrue(unknown.getMessage().contains("search.engine must be postgresql or opensearch"), unknown::getMessage);
  }

  @Test
  void failsWithoutOidcAuthServerUrl() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> new Helm(CHART).template().withName(RELEASE).set("apps.encryptionKey", APPS_KEY).call());
    assertTrue(error.getMessage().contains("oidc.authServerUrl is required"),
        () -> "unexpected error: " + error.getMessage());
  }

  @Test
  void failsWithoutAnAppsEncryptionKey() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> render(t -> t.set("oidc.authServerUrl", OIDC_URL).set("apps.encryptionKey", "")));
    assertTrue(error.getMessage().contains("apps.encryptionKey"), () -> "unexpected error: " + error.getMessage());
  }

  @Test
  void rejectsUnknownImageFlavor() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> render(t -> t.set("oidc.authServerUrl", OIDC_URL).set("image.flavor", "graal")));
    assertTrue(error.getMessage().contains("image.flavor must be \"jvm\" or \"native\""),
        () -> "unexpected error: " + error.getMessage());
  }

  // ---------------------------------------------------------------------------------------------
  // serverless: Knative, external job triggers, migrations off the cold-start path

  /** The time rules the service runs, by the names of their run endpoints. */
  private static final List<String> JOBS = List.of("unpaid-orders", "supervision-appealable",
      "supervision-completion", "supervision-auto-close", "auto-renewals", "subscription-lifecycle",
      "overdue-milestone-bills", "metering", "metering-outbox", "notification-delivery", "ticket-service-levels",
      "requirements-expiry");

  @Test
  void deploymentModeRunsTimersInsideAndMigratesAtStart() {
    Manifests m = renderWithHooks(t -> t.set("oidc.authServerUrl", OIDC_URL));
    assertTrue(m.ofKind("CronJob").isEmpty(), "no CronJob: the service's own timers run the jobs");
    assertTrue(m.ofKind("Job").isEmpty(), "no migration Job: the service migrates as it starts");
    assertTrue(m.documents().stream().noneMatch(d -> String.valueOf(d.get("apiVersion")).startsWith("serving.knative")));
    Map<String, Map<String, Object>> env = env(container(m.single("Deployment")));
    assertFalse(env.containsKey("OPENGALLERY_JOBS_TRIGGER"));
    assertFalse(env.containsKey("QUARKUS_FLYWAY_MIGRATE_AT_START"));
    assertFalse(env.containsKey("QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED"));
    assertNull(get(m.single("Secret"), "metadata.annotations"), "a plain Secret, not a hook");
  }

  @Test
  void knativeModeScalesToZeroWithExternalTriggersAndAMigrationJob() {
    Manifests m = renderWithHooks(t -> t.set("oidc.authServerUrl", OIDC_URL).set("deploy.mode", "knative")
        .set("jobs.scheduler.clientSecret", "sched-s3cret"));

    assertTrue(m.ofKind("Deployment").isEmpty());
    assertTrue(m.ofKind("HorizontalPodAutoscaler").isEmpty());
    assertTrue(m.ofKind("Ingress").isEmpty());
    Map<String, Object> ksvc = m.single("Service");
    assertEquals("serving.knative.dev/v1", ksvc.get("apiVersion"));
    assertEquals(FULLNAME, get(ksvc, "metadata.name"));
    assertStandardLabels(get(ksvc, "metadata.labels"));
    Map<String, String> annotations = get(ksvc, "spec.template.metadata.annotations");
    assertEquals("0", annotations.get("autoscaling.knative.dev/min-scale"));
    assertEquals("5", annotations.get("autoscaling.knative.dev/max-scale"));
    assertEquals(50, (Integer) get(ksvc, "spec.template.spec.containerConcurrency"));

    Map<String, Object> container = container(ksvc);
    assertEquals("ghcr.io/opengallery/opengallery:0.1.0-native", container.get("image"), "native by default");
    List<Map<String, Object>> ports = get(container, "ports");
    assertEquals(8080, ports.get(0).get("containerPort"));
    assertEquals("/q/health/ready", get(container, "readinessProbe.httpGet.path"));
    assertEquals("/q/health/live", get(container, "livenessProbe.httpGet.path"));
    Map<String, Map<String, Object>> env = env(container);
    assertEquals("external", value(env, "OPENGALLERY_JOBS_TRIGGER"));
    assertEquals("false", value(env, "QUARKUS_FLYWAY_MIGRATE_AT_START"));
    assertEquals("false", value(env, "QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED"),
        "the migration Job has checked the database");
    assertFalse(env.containsKey("JAVA_OPTS_APPEND"));
    assertSecretRef(env, "QUARKUS_DATASOURCE_PASSWORD", FULLNAME, "database-password");
    assertEquals(OIDC_URL, value(env, "QUARKUS_OIDC_AUTH_SERVER_URL"));

    // one CronJob per job, each calling its run endpoint with the scheduler client's token
    List<Map<String, Object>> cronJobs = m.ofKind("CronJob");
    assertEquals(JOBS.size(), cronJobs.size());
    for (String job : JOBS) {
      Map<String, Object> cron = cronJobs.stream()
          .filter(c -> job.equals(get(c, "metadata.labels.opengallery\\.dev/job"))).findFirst()
          .orElseThrow(() -> new AssertionError("no CronJob for " + job));
      assertEquals("Forbid", get(cron, "spec.concurrencyPolicy"));
      assertTrue(((String) get(cron, "metadata.name")).length() <= 52, "CronJob names are at most 52 characters");
      List<Map<String, Object>> containers = get(cron, "spec.jobTemplate.spec.template.spec.containers");
      Map<String, Map<String, Object>> cenv = env(containers.get(0));
      assertEquals("http://" + FULLNAME + ".gallery.svc.cluster.local/api/operator/jobs/" + job + "/run",
          value(cenv, "RUN_URL"));
      assertEquals(OIDC_URL + "/protocol/openid-connect/token", value(cenv, "TOKEN_URL"));
      assertEquals("opengallery-scheduler", value(cenv, "CLIENT_ID"));
      assertSecretRef(cenv, "CLIENT_SECRET", FULLNAME, "scheduler-client-secret");
      assertTrue(String.join(" ", (List<String>) containers.get(0).get("command")).contains("client_credentials"));
    }
    // a service scaled to zero is woken by every run: the defaults all fall on the quarter hour (4 wakes an hour)
    for (Map<String, Object> c : cronJobs) {
      String minute = ((String) get(c, "spec.schedule")).split(" ")[0];
      assertTrue(List.of("*/15", "0").contains(minute), () -> "off the quarter hour: " + get(c, "spec.schedule"));
    }
    assertEquals("*/15 * * * *", get(cronJobs.stream()
        .filter(c -> "unpaid-orders".equals(get(c, "metadata.labels.opengallery\\.dev/job"))).findFirst()
        .orElseThrow(), "spec.schedule"));

    // the migration Job runs before install and upgrade, with the Secret it reads created before it
    Map<String, Object> migrate = m.single("Job");
    assertEquals("pre-install,pre-upgrade", get(migrate, "metadata.annotations.test\\.hook/hook"));
    Map<String, Map<String, Object>> menv = env(container(migrate));
    assertEquals("true", value(menv, "OPENGALLERY_MIGRATE_AND_EXIT"));
    assertEquals("true", value(menv, "QUARKUS_FLYWAY_MIGRATE_AT_START"));
    assertFalse(menv.containsKey("QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED"));
    assertEquals("false", value(menv, "QUARKUS_SCHEDULER_ENABLED"));
    assertEquals("Never", get(migrate, "spec.template.spec.restartPolicy"));
    Map<String, Object> secret = m.single("Secret");
    assertEquals("pre-install,pre-upgrade", get(secret, "metadata.annotations.test\\.hook/hook"));
    assertEquals("-10", get(secret, "metadata.annotations.test\\.hook/hook-weight"));
    assertEquals("sched-s3cret", decode(get(secret, "data.scheduler-client-secret")));
  }

  @Test
  void eachServerlessPartCanBeChosenOnItsOwn() {
    // an always-on Deployment whose jobs are triggered from outside, JVM image in Knative, a job left out
    Manifests m = render(t -> t.set("oidc.authServerUrl", OIDC_URL).set("jobs.trigger", "external")
        .set("jobs.scheduler.existingSecret", "sched").set("jobs.schedules.metering-outbox", "")
        .set("jobs.scheduler.targetUrl", "http://og.internal:8080/"));
    assertEquals(JOBS.size() - 1, m.ofKind("CronJob").size());
    Map<String, Map<String, Object>> env = env(container(m.single("Deployment")));
    assertEquals("external", value(env, "OPENGALLERY_JOBS_TRIGGER"));
    assertFalse(env.containsKey("QUARKUS_FLYWAY_MIGRATE_AT_START"), "still migrates at start");
    Map<String, Object> cron = m.ofKind("CronJob").get(0);
    List<Map<String, Object>> containers = get(cron, "spec.jobTemplate.spec.template.spec.containers");
    Map<String, Map<String, Object>> cenv = env(containers.get(0));
    assertTrue(((String) value(cenv, "RUN_URL")).startsWith("http://og.internal:8080/api/operator/jobs/"));
    assertSecretRef(cenv, "CLIENT_SECRET", "sched", "client-secret");

    Manifests k = render(t -> t.set("oidc.authServerUrl", OIDC_URL).set("deploy.mode", "knative")
        .set("image.flavor", "jvm").set("jobs.trigger", "internal").set("migrations.mode", "start"));
    Map<String, Object> ksvc = k.single("Service");
    assertEquals("ghcr.io/opengallery/opengallery:0.1.0-jvm", container(ksvc).get("image"));
    assertTrue(k.ofKind("CronJob").isEmpty());
    assertTrue(k.ofKind("Job").isEmpty());
    // the JVM in Knative starts with the client compiler, a 32 MB first heap and the serial collector, the
    // collector through GC_CONTAINER_OPTIONS: run-java.sh would otherwise add its -XX:+UseParallelGC beside it
    Map<String, Map<String, Object>> kenv = env(container(ksvc));
    assertEquals("-XX:MaxRAMPercentage=75 -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xms32m",
        value(kenv, "JAVA_OPTS_APPEND"));
    assertEquals("-XX:+UseSerialGC", value(kenv, "GC_CONTAINER_OPTIONS"));
    assertFalse(((String) value(kenv, "JAVA_OPTS_APPEND")).contains("GC"), "no collector beside the image's");
  }

  @Test
  void theJvmOptionsAndCollectorCanBeSetInEitherMode() {
    Manifests k = render(t -> t.set("oidc.authServerUrl", OIDC_URL).set("deploy.mode", "knative")
        .set("image.flavor", "jvm").set("jobs.scheduler.existingSecret", "sched")
        .set("jvm.options", "-XX:MaxRAMPercentage=60").set("jvm.gc", "-XX:+UseG1GC"));
    Map<String, Map<String, Object>> kenv = env(container(k.single("Service")));
    assertEquals("-XX:MaxRAMPercentage=60", value(kenv, "JAVA_OPTS_APPEND"));
    assertEquals("-XX:+UseG1GC", value(kenv, "GC_CONTAINER_OPTIONS"));

    Manifests d = render(t -> t.set("oidc.authServerUrl", OIDC_URL).set("jvm.gc", "-XX:+UseSerialGC"));
    Map<String, Map<String, Object>> denv = env(container(d.single("Deployment")));
    assertEquals("-XX:MaxRAMPercentage=75", value(denv, "JAVA_OPTS_APPEND"));
    assertEquals("-XX:+UseSerialGC", value(denv, "GC_CONTAINER_OPTIONS"));

    Manifests n = render(t -> t.set("oidc.authServerUrl", OIDC_URL).set("deploy.mode", "knative")
        .set("jobs.scheduler.existingSecret", "sched"));
    Map<String, Map<String, Object>> nenv = env(container(n.single("Service")));
    assertFalse(nenv.containsKey("JAVA_OPTS_APPEND") || nenv.containsKey("GC_CONTAINER_OPTIONS"),
        "the native image takes no JVM options");
  }

  @Test
  void externalTriggersNeedTheSchedulerClientsSecret() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> render(t -> t.set("oidc.authServerUrl", OIDC_URL).set("deploy.mode", "knative")));
    assertTrue(error.getMessage().contains("jobs.scheduler.clientSecret"), () -> "unexpected: " + error.getMessage());
  }

  @Test
  void rejectsUnknownModes() {
    for (String[] bad : List.of(new String[] { "deploy.mode", "lambda" }, new String[] { "jobs.trigger", "cron" },
        new String[] { "migrations.mode", "never" })) {
      IllegalStateException error = assertThrows(IllegalStateException.class,
          () -> render(t -> t.set("oidc.authServerUrl", OIDC_URL).set(bad[0], bad[1])));
      assertTrue(error.getMessage().contains(bad[0] + " must be"), () -> "unexpected: " + error.getMessage());
    }
  }


  // ---------------------------------------------------------------------------------------------
  // helpers

  /** Renders the chart ({@code helm template og helm/opengallery ...}) and parses every document. */
  private static Manifests render(Consumer<TemplateCommand> customizer) {
    TemplateCommand command = new Helm(CHART).template().withName(RELEASE).withNamespace("gallery")
        .set("apps.encryptionKey", APPS_KEY);
    customizer.accept(command);
    return parse(command.call());
  }

  private static Manifests parse(String rendered) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : yaml.loadAll(rendered)) {
      if (document != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = (Map<String, Object>) document;
        documents.add(manifest);
      }
    }
    return new Manifests(documents);
  }

  /**
   * Renders the chart with its hook objects (the migration Job and, with it, the Secret), which helm-java's
   * {@code template} leaves out: a copy of the chart whose {@code helm.sh/hook*} annotations are renamed to
   * {@code test.hook/*}, so the objects render as plain ones and the annotations' values can still be checked.
   */
  private static Manifests renderWithHooks(Consumer<TemplateCommand> customizer) {
    try {
      Path copy = Files.createTempDirectory("chart-with-hooks").resolve("opengallery");
      try (var files = Files.walk(CHART)) {
        for (Path source : (Iterable<Path>) files::iterator) {
          Path target = copy.resolve(CHART.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.writeString(target, Files.readString(source).replace("helm.sh/hook", "test.hook/hook"));
          }
        }
      }
      TemplateCommand command = new Helm(copy).template().withName(RELEASE).withNamespace("gallery")
          .set("apps.encryptionKey", APPS_KEY);
      customizer.accept(command);
      return parse(command.call());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private record Manifests(List<Map<String, Object>> documents) {

    List<Map<String, Object>> ofKind(String kind) {
      return documents.stream().filter(d -> kind.equals(d.get("kind"))).collect(Collectors.toList());
    }

    Map<String, Object> single(String kind) {
      List<Map<String, Object>> matches = ofKind(kind);
      assertEquals(1, matches.size(), () -> "expected exactly one " + kind + " in " + kinds());
      return matches.get(0);
    }

    private List<Object> kinds() {
      return documents.stream().map(d -> d.get("kind")).collect(Collectors.toList());
    }
  }

  /**
   * Navigates nested maps with a dotted path; a literal dot inside a key is escaped as {@code \.}.
   * Returns null when any segment is missing.
   */
  @SuppressWarnings("unchecked")
  private static <T> T get(Object node, String path) {
    Object current = node;
    for (String segment : path.split("(?<!\\\\)\\.")) {
      if (!(current instanceof Map)) {
        return null;
      }
      current = ((Map<String, Object>) current).get(segment.replace("\\.", "."));
    }
    return (T) current;
  }

  private static Map<String, Object> container(Map<String, Object> deployment) {
    List<Map<String, Object>> containers = get(deployment, "spec.template.spec.containers");
    assertEquals(1, containers.size());
    return containers.get(0);
  }

  /** Container env as an insertion-ordered map: name to EnvVar; fails on duplicate names. */
  private static Map<String, Map<String, Object>> env(Map<String, Object> container) {
    List<Map<String, Object>> env = get(container, "env");
    assertNotNull(env, "container has no env");
    return env.stream().collect(Collectors.toMap(
        e -> (String) e.get("name"), e -> e,
        (a, b) -> { throw new AssertionError("duplicate env var " + a.get("name")); },
        LinkedHashMap::new));
  }

  private static Object value(Map<String, Map<String, Object>> env, String name) {
    assertTrue(env.containsKey(name), () -> "missing env var " + name + " in " + env.keySet());
    return env.get(name).get("value");
  }

  private static void assertSecretRef(Map<String, Map<String, Object>> env, String name, String secret, String key) {
    assertTrue(env.containsKey(name), () -> "missing env var " + name + " in " + env.keySet());
    assertNull(env.get(name).get("value"), name + " must not carry a plain value");
    assertEquals(secret, get(env.get(name), "valueFrom.secretKeyRef.name"), name + " secret name");
    assertEquals(key, get(env.get(name), "valueFrom.secretKeyRef.key"), name + " secret key");
  }

  private static void assertStandardLabels(Map<String, Object> labels) {
    assertNotNull(labels, "missing labels");
    assertEquals("opengallery", labels.get("app.kubernetes.io/name"));
    assertEquals(RELEASE, labels.get("app.kubernetes.io/instance"));
    assertEquals("0.1.0", labels.get("app.kubernetes.io/version"));
    assertEquals("Helm", labels.get("app.kubernetes.io/managed-by"));
    assertEquals("opengallery-0.1.0", labels.get("helm.sh/chart"));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(Objects.requireNonNull(base64)), StandardCharsets.UTF_8);
  }
}
