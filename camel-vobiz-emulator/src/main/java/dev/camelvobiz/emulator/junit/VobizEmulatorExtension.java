package dev.camelvobiz.emulator.junit;

import dev.camelvobiz.emulator.Emulator;
import dev.camelvobiz.emulator.EmulatorOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs an {@link Emulator} for a test class: {@code @RegisterExtension static VobizEmulatorExtension
 * vobiz = new VobizEmulatorExtension();} then {@code vobiz.emulator().call(…)}, or
 * {@code @ExtendWith(VobizEmulatorExtension.class)} and an {@code Emulator} parameter. Calls still up
 * after a test are hung up, so tests do not leak into each other; the emulator closes after the class.
 */
public final class VobizEmulatorExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private final EmulatorOptions options;
    private Emulator emulator;
    private boolean startedForClass;

    public VobizEmulatorExtension() {
        this(EmulatorOptions.defaults());
    }

    public VobizEmulatorExtension(EmulatorOptions options) {
        this.options = options;
    }

    /** The running emulator (started before the first test). */
    public Emulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The emulator starts before the tests; it is not running now");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = Emulator.start(options);
        startedForClass = true;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emulator == null) {
            emulator = Emulator.start(options); // registered on an instance field: one per test
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedForClass) {
            emulator.hangUpAll();
        } else {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void close() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Emulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator();
    }
}
