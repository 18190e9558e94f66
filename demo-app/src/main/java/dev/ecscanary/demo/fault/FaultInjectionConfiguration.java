package dev.ecscanary.demo.fault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the fault injector in front of {@code /api/**} when faults are configured; otherwise costs nothing. */
@Configuration(proxyBeanMethods = false)
class FaultInjectionConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(FaultInjectionConfiguration.class);

    private final FaultProperties faults;

    FaultInjectionConfiguration(FaultProperties faults) {
        this.faults = faults;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (faults.enabled()) {
            log.warn(
                    "Fault injection is ON: {}% of /api/ requests fail with 500, each delayed by {} ms",
                    faults.rate() * 100, faults.latencyMs());
            registry.addInterceptor(new FaultInjector(faults)).addPathPatterns("/api/**");
        }
    }
}
