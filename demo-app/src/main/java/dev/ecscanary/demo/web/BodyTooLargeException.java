package dev.ecscanary.demo.web;

import java.io.IOException;

/** Raised while reading a request body that turns out larger than the limit. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes");
    }
}
