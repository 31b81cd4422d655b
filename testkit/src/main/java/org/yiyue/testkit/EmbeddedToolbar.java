package org.yiyue.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link org.yiyue.demo.ReplicaSites} parameter resolved by {@link ReplicaSitesExtension}: inject the shared
 * instance started with {@code embedToolbar(true)} (every HTML page carries
 * {@code <script src="/a11y/toolbar.js" data-site="ID">} and {@code /a11y/**} is served from the classpath).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface EmbeddedToolbar {
}
