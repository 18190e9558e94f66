/**
 * AWS's wire protocols, once for all services: each API describes itself ({@code ServiceSpec}) and lists its
 * operations once ({@code Operations}); {@code AwsServer} tells a request's protocol by its marks, a codec per
 * protocol (Smithy RPC v2 CBOR, AWS JSON 1.0/1.1, AWS Query) decodes the input into one tree ({@code Input}) and
 * encodes the output tree back, and {@code Dispatcher} runs the shared cycle (authentication, injected faults,
 * errors). Uses Jackson (JSON, CBOR); knows no service.
 */
package dev.ecscanary.localaws.wire;
