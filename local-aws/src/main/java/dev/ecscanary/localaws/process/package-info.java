/** Child JVMs of the rehearsal (tasks, the controller): started at low priority, never left behind. */
package dev.ecscanary.localaws.process;
