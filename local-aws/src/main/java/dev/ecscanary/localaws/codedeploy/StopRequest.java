package dev.ecscanary.localaws.codedeploy;

/**
 * Why a running deployment must stop: a StopDeployment call (MANUAL_STOP) or an alarm the deployment group
 * watches (ALARM_ACTIVE), and whether a rollback deployment follows.
 */
record StopRequest(String errorCode, String message, boolean rollback) {}
