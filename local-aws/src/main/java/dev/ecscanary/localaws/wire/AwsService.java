package dev.ecscanary.localaws.wire;

/** One local AWS API: how it is addressed, and its operations. */
public interface AwsService {

    ServiceSpec spec();

    Operations operations();
}
