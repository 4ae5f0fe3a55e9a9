package org.kassa.payment.gateway.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Faults the sandbox injects into its next calls, each once, in the order they were queued: what
 * real networks and gateways do to payments, so that tests can show Kassa survives them.
 */
public final class SandboxFaults {

  /** A fault, and the calls it applies to. */
  public enum Fault {
    /** No fault: behave. */
    NONE,
    /** Authorize or refund: the request never reaches the gateway (a connect timeout). */
    TIMEOUT_BEFORE_RECEIVED,
    /** Authorize or refund: the gateway answers 5xx and does nothing. */
    SERVER_ERROR,
    /** Authorize or refund: the gateway does it, and the answer is lost (a read timeout). */
    TIMEOUT_AFTER_CHARGE,
    /** Authorize: the gateway answers processing; the outcome comes later, by callback only. */
    ASYNC_OUTCOME,
    /** Callback: never delivered. */
    LOST_CALLBACK,
    /** Callback: delivered twice. */
    DUPLICATE_CALLBACK,
    /** Callback: delivered, then a stale "processing" one after it. */
    CALLBACKS_OUT_OF_ORDER
  }

  private final Deque<Fault> authorize = new ArrayDeque<>();
  private final Deque<Fault> refund = new ArrayDeque<>();
  private final Deque<Fault> callback = new ArrayDeque<>();

  /** Queues a fault for the next authorization. */
  public synchronized SandboxFaults nextAuthorize(Fault fault) {
    require(
        fault,
        Fault.TIMEOUT_BEFORE_RECEIVED,
        Fault.SERVER_ERROR,
        Fault.TIMEOUT_AFTER_CHARGE,
        Fault.ASYNC_OUTCOME);
    authorize.add(fault);
    return this;
  }

  /** Queues a fault for the next refund. */
  public synchronized SandboxFaults nextRefund(Fault fault) {
    require(fault, Fault.TIMEOUT_BEFORE_RECEIVED, Fault.SERVER_ERROR, Fault.TIMEOUT_AFTER_CHARGE);
    refund.add(fault);
    return this;
  }

  /** Queues a fault for the next callback the sandbox sends. */
  public synchronized SandboxFaults nextCallback(Fault fault) {
    require(fault, Fault.LOST_CALLBACK, Fault.DUPLICATE_CALLBACK, Fault.CALLBACKS_OUT_OF_ORDER);
    callback.add(fault);
    return this;
  }

  /** Forgets every queued fault. */
  public synchronized void clear() {
    authorize.clear();
    refund.clear();
    callback.clear();
  }

  synchronized Fault nextAuthorize() {
    return next(authorize);
  }

  synchronized Fault nextRefund() {
    return next(refund);
  }

  synchronized Fault nextCallback() {
    return next(callback);
  }

  private static Fault next(Deque<Fault> queue) {
    Fault fault = queue.poll();
    return fault == null ? Fault.NONE : fault;
  }

  private static void require(Fault fault, Fault... allowed) {
    for (Fault a : allowed) {
      if (a == fault) {
        return;
      }
    }
    throw new IllegalArgumentException(fault + " does not apply here");
  }
}
