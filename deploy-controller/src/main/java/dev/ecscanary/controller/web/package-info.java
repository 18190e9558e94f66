/**
 * The status page: what people see of the controller in a browser. It is split into rooms, each a sub-package:
 *
 * <ul>
 *   <li>{@link dev.ecscanary.controller.web.page}: the page controllers, their view models and the mustache rendering;
 *   <li>{@link dev.ecscanary.controller.web.live}: the live updates, server-sent events fanned out without blocking;
 *   <li>{@link dev.ecscanary.controller.web.chart}: the success-rate chart.
 * </ul>
 *
 * <p>Here lives only what every room shares: {@link dev.ecscanary.controller.web.Format}, how the page writes times,
 * durations and values. The web layer reads deployments through {@code deployment.Releases} and the API's views; it
 * never talks to AWS other than through the {@code analysis} ports. The sign-in pages live in {@code security.signin}.
 */
package dev.ecscanary.controller.web;
