package io.touchpoint.platform;

/** One unit of write work, run inside a store transaction; its result is returned after commit. */
@FunctionalInterface
public interface WriteWork<T> {

    T run(WriteContext tx) throws Exception;
}
