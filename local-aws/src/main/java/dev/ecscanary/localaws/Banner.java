package dev.ecscanary.localaws;

import dev.ecscanary.localaws.rehearsal.ControllerClient;
import dev.ecscanary.localaws.rehearsal.Rehearsal;
import java.io.PrintStream;

/** What a newcomer reads once the rehearsal is up: where everything is, and two releases to paste. */
final class Banner {

    private Banner() {}

    static void print(Rehearsal rehearsal, PrintStream out) {
        LocalAws aws = rehearsal.aws();
        double scale = aws.settings().timeScale().factor();
        out.println();
        out.println("Rehearsal ready. Time scale " + format(scale) + ": one CodeDeploy minute lasts "
                + format(60 / scale) + " s, a whole canary release about " + format(11 * 60 / scale) + " s.");
        if (rehearsal.controller() != null) {
            out.println("  Deploy controller   " + rehearsal.controller().url() + "/api/deployments   (services: "
                    + rehearsal.controller().url() + "/api/services)");
        }
        out.println("  Production (ALB)    " + aws.productionUrl() + "/api/tasks");
        out.println("  Test listener       " + aws.testUrl() + "/api/tasks");
        out.println("  Local AWS           " + aws.endpoint() + "   (state: " + aws.endpoint() + "/_local/state)");
        out.println("  Logs                " + rehearsal.settings().stateDir().resolve("logs"));
        out.println("  CodeDeploy's own alarm rollback: "
                + (aws.deployments().group().alarmMonitoringEnabled() ? "on" : "off") + " (switch: curl -X PUT "
                + aws.endpoint() + "/_local/deployment-group/alarm-rollback -d '{\"enabled\":true}')");
        if (rehearsal.controller() != null) {
            String api = rehearsal.controller().url() + "/api/deployments";
            out.println();
            out.println("Release a good version (promoted 10% a minute):");
            out.println("  " + release(api, "demo-app:2.0.0"));
            out.println("Release a faulty one (30% errors; the alarm rolls it back):");
            out.println("  " + release(api, "demo-app:2.0.0-faulty"));
            out.println(
                    "Tokens (loopback only): rehearsal-ci (deploy, read), rehearsal-operator (deploy, rollback, read)."
                            + " The page is open to read; to roll back from it, sign in at "
                            + rehearsal.controller().url()
                            + "/login with the token rehearsal-operator.");
        }
        out.println();
        out.println("Client traffic: "
                + (rehearsal.traffic() == null
                        ? "off"
                        : format(rehearsal.traffic().requestsPerSecond()) + " requests/s")
                + ". A status line follows every CodeDeploy minute. Stop everything with Ctrl-C.");
        out.println(rehearsal.statusLine());
    }

    private static String release(String api, String image) {
        return "curl -s -X POST " + api + " -H 'Authorization: Bearer " + ControllerClient.CI_TOKEN + "'"
                + " -H 'Content-Type: application/json' -d '{\"service\":\"demo-app\",\"image\":\""
                + image + "\",\"environment\":\"rehearsal\"}'";
    }

    private static String format(double value) {
        return value == Math.rint(value)
                ? String.valueOf((long) value)
                : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
