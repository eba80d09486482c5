package dev.camelvobiz;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;

/**
 * Makes sure the environment variables meant for a component ({@code CAMEL_COMPONENT_VOBIZ_AUTH_TOKEN}
 * and so on, as Camel documents them) took effect. Not every runtime applies them: Camel Main 4.14
 * gathers none (it compares their names with dotted prefixes), Spring Boot binds only its own relaxed
 * form. A setting that was asked for and silently not applied (an auth token, say) would leave
 * callbacks unchecked, so the component refuses to start instead, naming the variable, never its
 * value.
 */
final class EnvironmentSettings {

    private EnvironmentSettings() {}

    /** Throws if a variable for the component registered as {@code name} names no option, or its value is not in effect. */
    static void verify(CamelContext context, VobizComponent component, String name, Map<String, String> environment) {
        String prefix = "CAMEL_COMPONENT_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        PropertyConfigurer configurer =
                PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("vobiz-component", context);
        if (!(configurer instanceof PropertyConfigurerGetter getter)) {
            throw new IllegalStateException("The vobiz component's generated configurer is missing");
        }
        environment.forEach((variable, value) -> {
            if (!variable.toUpperCase(Locale.ROOT).startsWith(prefix)) {
                return;
            }
            String option = StringHelper.dashToCamelCase(
                    variable.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '-'));
            VobizComponent asked = new VobizComponent();
            boolean known = PropertyBindingSupport.build()
                    .withCamelContext(context)
                    .withTarget(asked)
                    .withConfigurer(configurer)
                    .withIgnoreCase(true)
                    .withReflection(false)
                    .withProperty(option, value)
                    .bind();
            if (!known) {
                throw new IllegalArgumentException("Environment variable " + variable + " names no option of the "
                        + name + " component (" + option + "): refusing to start with a setting that does nothing");
            }
            Object wanted = getter.getOptionValue(asked, option, true);
            Object actual = getter.getOptionValue(component, option, true);
            if (!Objects.equals(wanted, actual)) {
                throw new IllegalStateException("Environment variable " + variable + " sets the " + name
                        + " component's option " + option + ", but the component does not have that value: this"
                        + " runtime did not apply it (Camel Main 4.14 applies no CAMEL_COMPONENT_* variables). Set"
                        + " camel.component." + name + "." + StringHelper.camelCaseToDash(option)
                        + " another way; refusing to start without a setting that was asked for");
            }
        });
    }
}
