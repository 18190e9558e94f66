/**
 * The whole rehearsal around the local AWS: shared PostgreSQL, the unchanged controller as a child process, its
 * settings from the environment, and the live status line.
 */
package dev.ecscanary.localaws.rehearsal;
