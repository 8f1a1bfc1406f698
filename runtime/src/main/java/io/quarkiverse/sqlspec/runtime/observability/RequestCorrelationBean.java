package io.quarkiverse.sqlspec.runtime.observability;

import jakarta.inject.Singleton;

import io.quarkiverse.sqlspec.RequestCorrelation;

/**
 * The injectable {@link RequestCorrelation}: reads the id {@link CorrelationHandler} put in the request's context.
 */
@Singleton
public class RequestCorrelationBean implements RequestCorrelation {

    @Override
    public String id() {
        return CorrelationHandler.currentId();
    }
}
