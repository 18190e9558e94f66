package dev.ecscanary.controller.web;

/**
 * One server-sent event, serialised once and sent to every subscriber of its stream.
 *
 * @param id    the SSE id: the deployment's version on a deployment's stream, a sequence number on the services stream
 * @param event the SSE event name: {@code deployment} or {@code snapshot}
 * @param json  the data
 */
record StreamFrame(long id, String event, String json) {
}
