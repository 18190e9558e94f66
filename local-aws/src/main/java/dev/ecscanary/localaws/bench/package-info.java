/** The blast-radius benchmark: a whole rehearsal releasing a faulty image, measured from the users' side. */
package dev.ecscanary.localaws.bench;
