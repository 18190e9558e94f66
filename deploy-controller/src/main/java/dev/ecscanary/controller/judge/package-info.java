/**
 * The canary judge: the new version against the old one over the same minutes, on each side's own target-group
 * metrics (5xx share by a one-sided Fisher's exact test; p99 latency minute by minute with a warm-up tolerance), with
 * three verdicts. Pure logic on {@link dev.ecscanary.controller.judge.Minute}s: no AWS, no store, no Spring beyond
 * the settings record's defaults. Apache Commons Statistics does the exact test.
 */
package dev.ecscanary.controller.judge;
