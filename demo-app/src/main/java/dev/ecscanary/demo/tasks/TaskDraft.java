package dev.ecscanary.demo.tasks;

/** The writable fields of a task, already validated: what a create, a replace or a patch stores. */
record TaskDraft(String title, String description, boolean completed) {}
