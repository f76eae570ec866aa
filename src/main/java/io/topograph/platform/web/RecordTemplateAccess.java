package io.topograph.platform.web;

import io.micronaut.context.annotation.Context;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Fast record properties in templates. Thymeleaf evaluates {@code ${row.name}} with OGNL, which
 * caches JavaBean getters but finds a record accessor ({@code name()}) by scanning and
 * lower-casing every public method of the class on each access; with records as view models
 * that scan dominated the rendering of list pages. This accessor resolves each record's
 * components once per class; anything else falls back to OGNL's usual lookup.
 */
@Context
public class RecordTemplateAccess {

    public RecordTemplateAccess() {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordPropertyAccessor());
    }

    static final class RecordPropertyAccessor extends ObjectPropertyAccessor {

        private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {
            @Override
            protected Map<String, Method> computeValue(Class<?> type) {
                Map<String, Method> accessors = new HashMap<>();
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        Method accessor = component.getAccessor();
                        accessor.setAccessible(true); // view models are often package-private records
                        accessors.put(component.getName(), accessor);
                    }
                }
                return Map.copyOf(accessors);
            }
        };

        @Override
        @SuppressWarnings("rawtypes")
        public Object getProperty(Map context, Object target, Object name) throws OgnlException {
            if (target != null && name instanceof String property) {
                Method accessor = COMPONENTS.get(target.getClass()).get(property);
                if (accessor != null) {
                    try {
                        return accessor.invoke(target);
                    } catch (InvocationTargetException e) {
                        throw new OgnlException("Reading " + property + " of " + target.getClass().getSimpleName(), e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new OgnlException("Reading " + property + " of " + target.getClass().getSimpleName(), e);
                    }
                }
            }
            return super.getProperty(context, target, name);
        }
    }
}
