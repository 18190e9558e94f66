/** Steady user traffic against the production listener, and what those users saw. */
package dev.ecscanary.localaws.traffic;
