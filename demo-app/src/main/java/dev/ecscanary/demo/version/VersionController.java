package dev.ecscanary.demo.version;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells which release answered. */
@RestController
class VersionController {

    private final AppInfo appInfo;

    VersionController(AppInfo appInfo) {
        this.appInfo = appInfo;
    }

    @GetMapping("/api/version")
    AppInfo version() {
        return appInfo;
    }
}
