/** The one time scale every clock of the rehearsal is divided by; wire timestamps stay wall-clock. */
package dev.ecscanary.localaws.clock;
