/**
 * The deploy controller: progressive releases of ECS services through CodeDeploy blue/green, watched at every step
 * and rolled back by itself. {@code DeployControllerApplication} starts it; deploy-controller/README.md has the map of
 * the packages below and the path of one release through them.
 */
package dev.ecscanary.controller;
