package dev.camelvobiz.springboot;

import dev.camelvobiz.VobizComponent;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@code vobiz} component for Spring Boot, its options bound from {@code camel.component.vobiz.*}
 * with Spring's relaxed binding ({@code camel.component.vobiz.play-lead}, {@code CAMEL_COMPONENT_VOBIZ_PORT},
 * profiles, test properties: every Spring property source, in Spring's order of precedence). Camel
 * Spring Boot binds component options only through a starter like this one.
 */
@AutoConfiguration(before = CamelAutoConfiguration.class)
public class VobizComponentAutoConfiguration {

    /** The options' prefix, as for every Camel component. */
    public static final String PREFIX = "camel.component.vobiz";

    @Bean(name = "vobiz")
    @ConditionalOnMissingBean(name = "vobiz")
    public VobizComponent vobizComponent(Environment environment) {
        VobizComponent component = new VobizComponent();
        Binder binder = Binder.get(environment);
        binder.bind(PREFIX, Bindable.ofInstance(component)); // the component's own: instanceId, forwardUri, …
        binder.bind(PREFIX, Bindable.ofInstance(component.getConfiguration()));
        return component;
    }
}
