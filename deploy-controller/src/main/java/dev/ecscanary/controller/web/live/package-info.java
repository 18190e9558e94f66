/**
 * Live updates: every committed change of a deployment goes out as server-sent events to the viewers of its page
 * and, summarised, of the services overview. One thread ({@link dev.ecscanary.controller.web.live.ChangeDispatcher})
 * writes each change to every viewer over the container's non-blocking output
 * ({@link dev.ecscanary.controller.web.live.Subscriber}); a slow viewer only slows itself, and the reconciler never
 * waits for one. The tunables are in {@link dev.ecscanary.controller.web.live.LiveUpdatesProperties}. May use
 * {@code deployment} (the changes and their state) and the API's JSON views; nothing here renders HTML.
 */
package dev.ecscanary.controller.web.live;
