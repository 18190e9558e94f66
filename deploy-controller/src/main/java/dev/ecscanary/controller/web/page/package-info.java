/**
 * The status page's pages: the services overview, a service's history and one deployment's page with its rollback
 * form. Controllers are thin; {@link dev.ecscanary.controller.web.page.DeploymentPageFactory} turns a deployment into
 * the records the templates under {@code templates/} show, and {@link dev.ecscanary.controller.web.page.Pages}
 * renders them HTML-escaped. May use {@code deployment}, {@code audit}, {@code security} (who may roll back), the
 * chart and the live updates' version number; nothing here writes to a viewer's stream.
 */
package dev.ecscanary.controller.web.page;
