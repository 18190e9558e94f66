/**
 * Configuration shared across features: the services this controller may release ({@code ServicesProperties},
 * {@code ServiceProperties}: one validated record per concern, a Javadoc line and default per field), the reconciler's
 * and the analysis' settings, the clock, and the embedded PostgreSQL used when no datasource is configured.
 *
 * <p>May use the configuration records of the features it binds ({@code pretraffic}, {@code judge}); nothing else.
 */
package dev.ecscanary.controller.config;
