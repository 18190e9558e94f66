/**
 * The pre-traffic check: a service's smoke requests, run against the replacement task set's own targets while
 * CodeDeploy waits in READY_WAIT, before any user traffic reaches it. {@link
 * dev.ecscanary.controller.pretraffic.SmokePlans} checks the configuration at startup; {@link
 * dev.ecscanary.controller.pretraffic.SmokeCheckRunner} sends the requests (JDK HTTP client, a timeout on each) and
 * judges the answers into a {@link dev.ecscanary.controller.pretraffic.SmokeReport}.
 *
 * <p>Uses only the JDK and Jackson; knows nothing of AWS, the store or the web layer.
 */
package dev.ecscanary.controller.pretraffic;
