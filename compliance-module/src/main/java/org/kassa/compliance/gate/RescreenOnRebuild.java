package org.kassa.compliance.gate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.kassa.compliance.aml.ScreeningIndexRebuilt;

/**
 * Starts the re-screening when this node's index was rebuilt. The event is fired while the index
 * holder is locked, so the work is handed to an asynchronous method and this returns at once.
 */
@ApplicationScoped
public class RescreenOnRebuild {

  @Inject private Rescreening rescreening;

  void onRebuild(@Observes ScreeningIndexRebuilt rebuilt) {
    rescreening.afterRebuild(rebuilt.snapshot());
  }
}
