package dev.ecscanary.demo.fault;

/** A request failed on purpose, by fault injection. */
public class InjectedFaultException extends RuntimeException {

    InjectedFaultException(double rate) {
        super("Injected fault (FAULT_RATE=" + rate + ")");
    }
}
