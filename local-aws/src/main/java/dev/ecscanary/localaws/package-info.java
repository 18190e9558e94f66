/**
 * The local AWS and the one-command rehearsal: {@code LocalAws} wires the four service APIs, the ALB stand-in and
 * the admin API ({@code /_local/}) onto one port; {@code LocalAwsMain} is the jar's entry point. Everything here
 * meets the controller only on AWS's wire protocols; nothing imports the controller.
 */
package dev.ecscanary.localaws;
