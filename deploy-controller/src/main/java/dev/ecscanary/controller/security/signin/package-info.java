/**
 * Signing in to the status page: the sign-in page (OpenID Connect providers, and the API-token form where it is on),
 * the page a refused sign-in lands on, the viewer/operator {@link dev.ecscanary.controller.security.signin.Roles}
 * taken from the provider's claims, and what signing in, out or being refused records and where it leads. Sessions
 * are for browsers only; the API authenticates every request by its bearer token. May use the security package's
 * caller model, {@code audit} and {@code web.page.Pages} to render its pages.
 */
package dev.ecscanary.controller.security.signin;
