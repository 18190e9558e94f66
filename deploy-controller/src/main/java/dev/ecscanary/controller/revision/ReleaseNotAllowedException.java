package dev.ecscanary.controller.revision;

/**
 * The service's configuration does not allow this release: the image comes from a repository it does not list, or
 * the environment is not one of its own. A refusal by policy, which the caller can act on; the message says which rule
 * refused and what is allowed.
 */
public class ReleaseNotAllowedException extends RuntimeException {

    public ReleaseNotAllowedException(String message) {
        super(message);
    }
}
