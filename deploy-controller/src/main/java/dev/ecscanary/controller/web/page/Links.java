package dev.ecscanary.controller.web.page;

import dev.ecscanary.controller.aws.AwsClientFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Links out of the page: the AWS consoles in the controller's region, and the release's GitHub run and commit. */
@Component
class Links {

    private static final Pattern GITHUB_RUN =
            Pattern.compile("^(https://github\\.com/[\\w.-]+/[\\w.-]+)/actions/runs/\\d+.*$");
    private static final Pattern SHA = Pattern.compile("^[0-9a-fA-F]{7,40}$");

    private final String region;

    Links(AwsClientFactory aws) {
        this.region = aws.regionId();
    }

    String codeDeploy(String deploymentId) {
        return deploymentId == null
                ? null
                : "https://" + region + ".console.aws.amazon.com/codesuite/codedeploy/deployments/"
                        + encode(deploymentId) + "?region=" + region;
    }

    String alarm(String alarmName) {
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region + "#alarmsV2:alarm/"
                + encode(alarmName);
    }

    /** The CI run's address, only if it is a web address: anything else a request sent is shown as text. */
    static String safeWebLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    /** The commit on GitHub, when the run is a GitHub Actions run of the same repository. */
    static String commit(String runUrl, String sha) {
        if (runUrl == null || sha == null || !SHA.matcher(sha).matches()) {
            return null;
        }
        Matcher run = GITHUB_RUN.matcher(runUrl);
        return run.matches() ? run.group(1) + "/commit/" + sha : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
