package org.communityadvisor.json;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * Getters as plain functions: a public no-argument method turned into a {@link Function} by the JVM's lambda
 * factory, so a call through it is as fast as a direct call once compiled (a method handle held in a field and
 * invoked with a changing target is not).
 */
public final class Getters {
    private Getters() {
    }

    @SuppressWarnings("unchecked")
    public static Function<Object, Object> of(Method m) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle h = lookup.unreflect(m);
            CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                    MethodType.methodType(Object.class, Object.class), h, h.type().wrap().changeParameterType(0,
                            m.getDeclaringClass()));
            return (Function<Object, Object>) site.getTarget().invokeExact();
        } catch (Throwable e) {
            // not expected for a public getter of a public type; a reflective call still works
            return target -> {
                try {
                    return m.invoke(target);
                } catch (ReflectiveOperationException x) {
                    throw new IllegalStateException("cannot read " + m.getName(), x);
                }
            };
        }
    }
}
