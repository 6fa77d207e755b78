package org.populus.api.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI summaries of a {@link CatalogController}'s five operations, which it inherits and so cannot
 * annotate one by one; {@link AdminOpenApi} sets them on the document.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface CatalogSummaries {

    String list();

    String get();

    String create();

    String update();

    String delete();
}
