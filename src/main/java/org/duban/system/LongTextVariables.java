package org.duban.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Engine String variables live in a 4,000-character column, but an instruction or a progress note may be 5,000
 * characters long (and the engine answered longer ones with a 500). Strings longer than the column are kept in the
 * engine's byte-array table instead, UTF-8 encoded, and read back as ordinary Strings: the REST API, Tasklist and the
 * delegates see type String. This is an engine SPI (serializers are not public API), kept to this one class; the
 * serializer's name is stored with each such variable, so removing it would make those variables unreadable.
 */
@Component
class LongTextVariables extends AbstractProcessEnginePlugin {

    /** The width of ACT_RU_VARIABLE.TEXT_ (and its history twins) on H2 and PostgreSQL. */
    static final int TEXT_COLUMN_CHARACTERS = 4000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
        serializers.add(0, new LongStringSerializer());
        configuration.setCustomPreVariableSerializers(serializers);
    }

    /** Chosen before the engine's own String serializer, for Strings that would not fit its column only. */
    static final class LongStringSerializer extends PrimitiveValueSerializer<StringValue> {

        static final String NAME = "duban-long-string";

        LongStringSerializer() {
            super(ValueType.STRING);
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        protected boolean canWriteValue(TypedValue value) {
            return value.getValue() instanceof String text && text.length() > TEXT_COLUMN_CHARACTERS;
        }

        @Override
        public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
            return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
        }

        @Override
        public void writeValue(StringValue value, ValueFields fields) {
            fields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public StringValue readValue(ValueFields fields, boolean asTransientValue) {
            byte[] bytes = fields.getByteArrayValue();
            return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
        }
    }
}
