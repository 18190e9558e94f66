"""boto3 against the local AWS: every operation the controller calls and the rehearsal offers, in each protocol
botocore speaks for the service, must parse and carry the expected values; errors must arrive as botocore's
ClientError with AWS's code.

Usage: python conformance.py <endpoint> <names.json>   (run by BotoConformanceTest; exit 0 = all checks passed)
"""

import copy
import gzip
import hashlib
import json
import os
import sys
import tempfile
import time
import urllib.request

import boto3
import botocore
import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
NAMES = json.loads(sys.argv[2])
NO_RETRIES = Config(retries={"total_max_attempts": 1}, region_name="eu-central-1")


def client(service, session=None):
    return (session or boto3.session.Session()).client(
        service, endpoint_url=ENDPOINT, aws_access_key_id="x", aws_secret_access_key="x", config=NO_RETRIES)


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok  " + what, flush=True)


def expect_error(call, code, what):
    try:
        call()
    except ClientError as error:
        got = error.response["Error"]["Code"]
        check(got == code, f"{what}: ClientError {code} (got {got})")
        return
    raise AssertionError(f"{what}: no error, expected {code}")


def throttle(operation):
    body = json.dumps({"operation": operation, "kind": "throttle", "count": 1}).encode()
    request = urllib.request.Request(ENDPOINT + "/_local/faults", data=body, method="POST")
    with urllib.request.urlopen(request) as response:
        assert response.status == 201, response.read()


def session_speaking(service, version, protocol):
    """A session whose model for `service` lists only `protocol`: botocore's own data-path override."""
    model_file = os.path.join(os.path.dirname(botocore.__file__), "data", service, version, "service-2.json.gz")
    with gzip.open(model_file) as f:
        model = json.load(f)
    model = copy.deepcopy(model)
    model["metadata"]["protocols"] = [protocol]
    model["metadata"]["protocol"] = protocol
    root = tempfile.mkdtemp(prefix="boto-" + protocol + "-")
    os.makedirs(os.path.join(root, service, version))
    with open(os.path.join(root, service, version, "service-2.json"), "w") as f:
        json.dump(model, f)
    core = botocore.session.get_session()
    core.set_config_variable("data_path", root)
    return boto3.session.Session(botocore_session=core)


def cloudwatch(protocol, session, marks):
    cw = client("cloudwatch", session)
    sent = []
    cw.meta.events.register("before-send.cloudwatch", lambda request, **_: sent.append(request))
    alarm = cw.describe_alarms(AlarmNames=[NAMES["alarm"]])["MetricAlarms"][0]
    check(marks(sent[-1]), f"cloudwatch/{protocol}: request goes out as {protocol}")
    check(alarm["AlarmName"] == NAMES["alarm"] and alarm["Threshold"] == NAMES["alarmThreshold"],
          f"cloudwatch/{protocol}: DescribeAlarms carries the alarm and its threshold")
    check(hasattr(alarm["StateUpdatedTimestamp"], "year"), f"cloudwatch/{protocol}: timestamps parse as datetimes")
    check(any(q.get("Expression") for q in alarm["Metrics"]), f"cloudwatch/{protocol}: the alarm's metric math")
    now = time.time()
    data = cw.get_metric_data(
        StartTime=now - 600, EndTime=now, ScanBy="TimestampAscending",
        MetricDataQueries=[{"Id": "requests", "ReturnData": True, "MetricStat": {
            "Metric": {"Namespace": "AWS/ApplicationELB", "MetricName": "RequestCount",
                       "Dimensions": [{"Name": "LoadBalancer", "Value": NAMES["loadBalancerDimension"]}]},
            "Period": 60, "Stat": "Sum"}}])
    result = data["MetricDataResults"][0]
    check(result["Id"] == "requests" and result["StatusCode"] == "Complete"
          and len(result["Timestamps"]) == len(result["Values"]), f"cloudwatch/{protocol}: GetMetricData")
    expect_error(lambda: cw.describe_alarms(AlarmNames=["a"] * 101), "ValidationError",
                 f"cloudwatch/{protocol}: 101 alarm names")
    throttle("DescribeAlarms")
    expect_error(lambda: cw.describe_alarms(AlarmNames=[NAMES["alarm"]]), "Throttling",
                 f"cloudwatch/{protocol}: injected throttling")


def ecs_and_codedeploy():
    ecs, cd = client("ecs"), client("codedeploy")
    group = cd.get_deployment_group(applicationName=NAMES["application"], deploymentGroupName=NAMES["group"])
    info = group["deploymentGroupInfo"]
    check(info["deploymentStyle"]["deploymentType"] == "BLUE_GREEN", "codedeploy: GetDeploymentGroup (blue/green)")
    services = ecs.describe_services(cluster=NAMES["cluster"], services=[NAMES["service"]])["services"]
    check(services[0]["deploymentController"]["type"] == "CODE_DEPLOY", "ecs: DescribeServices (CODE_DEPLOY)")
    task_sets = ecs.describe_task_sets(cluster=NAMES["cluster"], service=NAMES["service"])["taskSets"]
    check(task_sets[0]["status"] == "PRIMARY", "ecs: DescribeTaskSets (PRIMARY)")
    arn = register(ecs, "demo-app:1.1.0")
    check(f":task-definition/{NAMES['family']}:" in arn, "ecs: RegisterTaskDefinition")
    described = ecs.describe_task_definition(taskDefinition=arn)["taskDefinition"]
    check(described["containerDefinitions"][0]["image"] == "demo-app:1.1.0", "ecs: DescribeTaskDefinition")

    first = deploy(cd, arn)
    check(first.startswith("d-"), "codedeploy: CreateDeployment")
    check(cd.get_deployment(deploymentId=first)["deploymentInfo"]["deploymentId"] == first, "codedeploy: GetDeployment")
    batch = cd.batch_get_deployments(deploymentIds=[first])["deploymentsInfo"]
    check([d["deploymentId"] for d in batch] == [first], "codedeploy: BatchGetDeployments")
    listed = cd.list_deployments(applicationName=NAMES["application"], deploymentGroupName=NAMES["group"])
    check(first in listed["deployments"], "codedeploy: ListDeployments")
    target_ids = until(lambda: cd.list_deployment_targets(deploymentId=first)["targetIds"], "targets listed")
    check(target_ids == [NAMES["targetId"]], "codedeploy: ListDeploymentTargets")
    target = cd.get_deployment_target(deploymentId=first, targetId=target_ids[0])["deploymentTarget"]
    check(target["ecsTarget"]["targetId"] == NAMES["targetId"], "codedeploy: GetDeploymentTarget")
    targets = cd.batch_get_deployment_targets(deploymentId=first, targetIds=target_ids)["deploymentTargets"]
    check("taskSetsInfo" in targets[0]["ecsTarget"], "codedeploy: BatchGetDeploymentTargets (task sets)")
    until(lambda: cd.get_deployment(deploymentId=first)["deploymentInfo"].get("instanceTerminationWaitTimeStarted"),
          "the termination wait")
    cd.continue_deployment(deploymentId=first, deploymentWaitType="TERMINATION_WAIT")
    done = until(lambda: succeeded(cd, first), "the first deployment to succeed")
    check(done, "codedeploy: ContinueDeployment ends the termination wait")
    expect_error(lambda: cd.stop_deployment(deploymentId=first), "DeploymentAlreadyCompletedException",
                 "codedeploy: StopDeployment of a completed deployment")

    second = deploy(cd, register(ecs, "demo-app:2.0.0"))
    stopped = cd.stop_deployment(deploymentId=second, autoRollbackEnabled=True)
    check(stopped["status"] == "Pending", "codedeploy: StopDeployment (Pending)")
    expect_error(lambda: cd.get_deployment(deploymentId="d-AAAAAAAAA"), "DeploymentDoesNotExistException",
                 "codedeploy: unknown deployment id")
    throttle("GetDeployment")
    expect_error(lambda: cd.get_deployment(deploymentId=second), "ThrottlingException",
                 "codedeploy: injected throttling")
    expect_error(lambda: ecs.describe_task_sets(cluster=NAMES["cluster"], service="nope"), "ServiceNotFoundException",
                 "ecs: unknown service")


def register(ecs, image):
    return ecs.register_task_definition(family=NAMES["family"], containerDefinitions=[{
        "name": NAMES["container"], "image": image, "essential": True,
        "portMappings": [{"containerPort": NAMES["containerPort"]}]}])["taskDefinition"]["taskDefinitionArn"]


def deploy(cd, task_definition_arn):
    with open(NAMES["appSpecTemplate"]) as f:
        content = (f.read().replace("{{taskDefinitionArn}}", task_definition_arn)
                   .replace("{{containerName}}", NAMES["container"])
                   .replace("{{containerPort}}", str(NAMES["containerPort"])))
    return cd.create_deployment(
        applicationName=NAMES["application"], deploymentGroupName=NAMES["group"],
        revision={"revisionType": "AppSpecContent", "appSpecContent": {
            "content": content, "sha256": hashlib.sha256(content.encode()).hexdigest()}})["deploymentId"]


def succeeded(cd, deployment_id):
    return cd.get_deployment(deploymentId=deployment_id)["deploymentInfo"]["status"] == "Succeeded"


def until(probe, what, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            value = probe()
            if value:
                return value
        except ClientError as error:
            if error.response["Error"]["Code"] != "DeploymentNotStartedException":
                raise
        time.sleep(0.2)
    raise AssertionError("timed out waiting for " + what)


def elbv2():
    elb = client("elbv2")
    lb = elb.describe_load_balancers(Names=[NAMES["loadBalancer"]])["LoadBalancers"][0]
    check(lb["Type"] == "application", "elbv2: DescribeLoadBalancers")
    listeners = elb.describe_listeners(LoadBalancerArn=lb["LoadBalancerArn"])["Listeners"]
    check(sorted(l["Port"] for l in listeners) == [80, 8080], "elbv2: DescribeListeners")
    rule = elb.describe_rules(ListenerArn=listeners[0]["ListenerArn"])["Rules"][0]
    weights = [g["Weight"] for g in rule["Actions"][0]["ForwardConfig"]["TargetGroups"]]
    check(rule["IsDefault"] and sum(weights) == 100, "elbv2: DescribeRules (weights)")
    groups = elb.describe_target_groups()["TargetGroups"]
    check(len(groups) == 2, "elbv2: DescribeTargetGroups")
    health = elb.describe_target_health(TargetGroupArn=groups[0]["TargetGroupArn"])
    check("TargetHealthDescriptions" in health, "elbv2: DescribeTargetHealth")
    expect_error(lambda: elb.describe_listeners(ListenerArns=[lb["LoadBalancerArn"] + "/nope"]), "ListenerNotFound",
                 "elbv2: unknown listener")
    throttle("DescribeTargetGroups")
    expect_error(lambda: elb.describe_target_groups(), "Throttling", "elbv2: injected throttling")


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value or "")


def main():
    print(f"boto3 {boto3.__version__}, botocore {botocore.__version__}", flush=True)
    cloudwatch("json", None, lambda r: text(r.headers.get("X-Amz-Target")).startswith("GraniteServiceVersion20100801."))
    cloudwatch("smithy-rpc-v2-cbor", session_speaking("cloudwatch", "2010-08-01", "smithy-rpc-v2-cbor"),
               lambda r: "/service/GraniteServiceVersion20100801/operation/" in r.url)
    cloudwatch("query", session_speaking("cloudwatch", "2010-08-01", "query"),
               lambda r: "Action=DescribeAlarms" in text(r.body))
    elbv2()
    ecs_and_codedeploy()
    print("all boto3 conformance checks passed", flush=True)


if __name__ == "__main__":
    main()
