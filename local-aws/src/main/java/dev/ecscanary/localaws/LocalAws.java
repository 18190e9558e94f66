package dev.ecscanary.localaws;

import dev.ecscanary.localaws.cloudwatch.Alarms;
import dev.ecscanary.localaws.cloudwatch.CloudWatchApi;
import dev.ecscanary.localaws.cloudwatch.MetricStore;
import dev.ecscanary.localaws.cloudwatch.SuccessRateAlarm;
import dev.ecscanary.localaws.codedeploy.CodeDeployApi;
import dev.ecscanary.localaws.codedeploy.CodeDeployJson;
import dev.ecscanary.localaws.codedeploy.DeploymentGroup;
import dev.ecscanary.localaws.codedeploy.Deployments;
import dev.ecscanary.localaws.ecs.EcsApi;
import dev.ecscanary.localaws.ecs.EcsService;
import dev.ecscanary.localaws.ecs.ImageCatalogue;
import dev.ecscanary.localaws.ecs.TaskDefinition;
import dev.ecscanary.localaws.ecs.TaskDefinitionRegistry;
import dev.ecscanary.localaws.ecs.TaskLauncher;
import dev.ecscanary.localaws.ecs.TaskSet;
import dev.ecscanary.localaws.elb.AlbMetrics;
import dev.ecscanary.localaws.elb.ElbV2Api;
import dev.ecscanary.localaws.elb.HealthChecker;
import dev.ecscanary.localaws.elb.LoadBalancer;
import dev.ecscanary.localaws.elb.ProxyListener;
import dev.ecscanary.localaws.wire.AwsServer;
import dev.ecscanary.localaws.wire.FaultInjector;
import dev.ecscanary.localaws.wire.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole local AWS: ECS, CodeDeploy, CloudWatch and ELBv2 on one API port, and the ALB stand-in's two
 * listeners. {@link #bootstrap(String)} creates the service's first (blue) task set, as Terraform's first apply does.
 */
public final class LocalAws implements AutoCloseable {

    private final LocalAwsSettings settings;
    private final RehearsalNames names = RehearsalNames.load();
    private final MetricStore metrics;
    private final LoadBalancer loadBalancer;
    private final Alarms alarms;
    private final TaskDefinitionRegistry taskDefinitions;
    private final EcsService ecs;
    private final Deployments deployments;
    private final FaultInjector faults = new FaultInjector();
    private final HttpClient proxyClient = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<ProxyListener> proxies;
    private final HealthChecker healthChecker;
    private final AwsServer server;
    private int awsPort;

    public LocalAws(LocalAwsSettings settings, TaskLauncher launcher) {
        this.settings = settings;
        this.metrics = new MetricStore(settings.timeScale());
        this.loadBalancer = new LoadBalancer(names);
        this.alarms = new Alarms(metrics);
        alarms.put(SuccessRateAlarm.create(names, loadBalancer.dimension()));
        this.taskDefinitions = new TaskDefinitionRegistry(names);
        this.ecs = new EcsService(
                names, settings.timeScale(), launcher, ImageCatalogue.load(), settings.tasksPerTaskSet());
        DeploymentGroup group = new DeploymentGroup(names, settings.codeDeployAlarmRollback());
        this.deployments = new Deployments(
                group,
                ecs,
                taskDefinitions,
                loadBalancer,
                settings.timeScale(),
                alarmNames -> alarmNames.stream()
                        .filter(n -> alarms.find(n)
                                .map(a -> "ALARM".equals(a.state().value()))
                                .orElse(false))
                        .findFirst());
        AlbMetrics albMetrics = new AlbMetrics(metrics, loadBalancer);
        this.proxies = loadBalancer.listeners().stream()
                .map(l -> new ProxyListener(l, albMetrics, proxyClient))
                .toList();
        this.healthChecker = new HealthChecker(loadBalancer, settings.timeScale());
        this.server = new AwsServer(
                List.of(
                        new CodeDeployApi(deployments, new CodeDeployJson(ecs, loadBalancer)),
                        new EcsApi(taskDefinitions, ecs),
                        new CloudWatchApi(alarms, metrics),
                        new ElbV2Api(loadBalancer)),
                faults,
                new AdminApi(this));
    }

    public LocalAws start() throws IOException {
        proxies.get(0).start(settings.productionPort());
        proxies.get(1).start(settings.testPort());
        awsPort = server.start(settings.awsPort());
        healthChecker.start();
        alarms.start();
        return this;
    }

    /** Registers the first task definition for {@code image} and runs it as the PRIMARY (blue) task set. */
    public TaskSet bootstrap(String image) throws InterruptedException {
        var request = Json.object().put("family", names.taskFamily());
        var container = request.putArray("containerDefinitions")
                .addObject()
                .put("name", names.containerName())
                .put("image", image)
                .put("essential", true);
        container
                .putArray("portMappings")
                .addObject()
                .put("containerPort", names.containerPort())
                .put("protocol", "tcp");
        TaskDefinition taskDefinition = taskDefinitions.register(request);
        TaskSet blue =
                ecs.createTaskSet(taskDefinition, loadBalancer.targetGroups().getFirst(), null, "PRIMARY");
        if (!ecs.awaitHealthy(blue, Duration.ofSeconds(180))) {
            throw new IllegalStateException("the initial task set did not become healthy; see the task logs");
        }
        return blue;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + awsPort;
    }

    public String productionUrl() {
        return "http://127.0.0.1:" + loadBalancer.production().localPort();
    }

    public String testUrl() {
        return "http://127.0.0.1:" + loadBalancer.test().localPort();
    }

    public RehearsalNames names() {
        return names;
    }

    public LocalAwsSettings settings() {
        return settings;
    }

    public LoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public EcsService ecs() {
        return ecs;
    }

    public Deployments deployments() {
        return deployments;
    }

    public Alarms alarms() {
        return alarms;
    }

    public MetricStore metrics() {
        return metrics;
    }

    public FaultInjector faults() {
        return faults;
    }

    public Optional<String> alarmState() {
        return alarms.find(names.alarm()).map(a -> a.state().value());
    }

    @Override
    public void close() {
        server.stop();
        proxies.forEach(ProxyListener::close);
        healthChecker.close();
        alarms.close();
        ecs.stopAll();
        proxyClient.close();
    }
}
