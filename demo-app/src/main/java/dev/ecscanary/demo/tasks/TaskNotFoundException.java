package dev.ecscanary.demo.tasks;

/** No task has the id asked for (it never existed or was deleted). */
public class TaskNotFoundException extends RuntimeException {

    TaskNotFoundException(long id) {
        super("Task " + id + " does not exist");
    }
}
