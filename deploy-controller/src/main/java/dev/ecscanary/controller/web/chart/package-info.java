/**
 * The success-rate chart of a deployment: its series read through {@code analysis.MetricReader} (at most once every
 * few seconds per deployment), the window it covers, and its geometry (scale, axes, markers, labels laid out so that
 * none covers another) as plain data. The SVG markup is the {@code chart.mustache} template, escaped like the rest of
 * the page. May use {@code analysis} and {@code deployment}; nothing here writes markup.
 */
package dev.ecscanary.controller.web.chart;
